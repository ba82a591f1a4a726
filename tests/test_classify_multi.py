"""classify with label descriptions and with independent labels ("multi": true): the request's
shape (each refusal is bad_request with what to fix), the prompt, the reading of scores and of
the cloud's answer, and the task's own threshold from edged.toml."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from typing import Any

import pytest

from edged.engines.base import AdapterRef, ChatMessage, LabelScore
from edged.errors import ConfigError, DeadlineExceeded
from edged.requests import LabelSet, Limits
from edged.service.protocol import ProtocolError, Request, parse_request
from edged.service.runner import TaskRunner
from edged.tasks import build_messages, load_tasks
from edged.tasks.classify import CLASSIFY_KIND, label_questions, multi_outcome
from tests.service.test_unguided_backend import FreeEngine

LABELS: list[Any] = [
    {"name": "leak", "description": "oil, water or air escaping"},
    "noise",
    {"name": "safety", "description": "a risk to people"},
]


def parse(tasks: Any = None, **body: Any) -> Request:
    table = load_tasks(tasks)
    document = {"task": "classify", "input": "Pump 3 leaks oil near the walkway.", "labels": LABELS} | body
    return parse_request(
        json.dumps(document).encode(), topic="edged/dev-1/req/alice",
        response_topic="edged/dev-1/resp/alice/r", correlation=None, prefix="edged", tasks=frozenset(table),
        limits=Limits(), received_at=time.monotonic(), task_table=table,
    )


def refusal(**body: Any) -> ProtocolError:
    with pytest.raises(ProtocolError) as info:
        parse(**body)
    assert info.value.code == "bad_request"
    return info.value


def test_labels_with_descriptions_are_answered_by_name_and_described_in_the_prompt() -> None:
    request = parse()
    assert request.extra == ("leak", "noise", "safety")
    assert request.labels == LabelSet(("oil, water or air escaping", None, "a risk to people"), False, 0.5)
    _, user = build_messages("classify", request.input, extra=request.extra, config=load_tasks(),
                             labels=request.labels)
    assert "- leak: oil, water or air escaping\n- noise\n- safety: a risk to people" in user.content


def test_multi_takes_a_threshold_from_the_request_or_the_task_else_one_half() -> None:
    assert parse(multi=True).labels == LabelSet(("oil, water or air escaping", None, "a risk to people"),
                                                True, 0.5)
    assert parse(multi=True, threshold=0.3).labels.threshold == 0.3  # type: ignore[union-attr]
    site = {"classify": {"system": "Sort.", "template": "{labels}\n{input}", "threshold": 0.7}}
    assert parse(site, multi=True).labels.threshold == 0.7  # type: ignore[union-attr]
    assert parse(site, multi=True, threshold=0.2).labels.threshold == 0.2  # type: ignore[union-attr]
    assert parse(site).labels.multi is False  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"threshold": 0.5}, 'threshold applies to "multi": true requests only'),
        ({"multi": "yes"}, "multi must be true or false, got 'yes'"),
        ({"multi": True, "threshold": 0}, "threshold must be a number between 0 and 1 (exclusive), got 0"),
        ({"multi": True, "threshold": 1.0}, "threshold must be a number between 0 and 1"),
        ({"multi": True, "threshold": "0.5"}, "threshold must be a number between 0 and 1"),
        ({"multi": True, "threshold": True}, "threshold must be a number between 0 and 1"),
        ({"labels": [{"description": "x"}, "b"]}, 'a label object has "name" and optionally "description"'),
        ({"labels": [{"name": "a", "note": "x"}, "b"]}, 'a label object has "name"'),
        ({"labels": [{"name": 3}, "b"]}, "each entry of labels must be a string, got 3"),
        ({"labels": [{"name": "a", "description": ""}, "b"]}, "description of label 'a' must be a non-empty"),
        ({"labels": [{"name": "a", "description": "x" * 257}, "b"]}, "is over 256 characters"),
        ({"labels": [{"name": "a", "description": "x\u0007"}, "b"]}, "contains a control character"),
        ({"labels": [{"name": "a"}, "a"]}, "labels repeats 'a'"),
    ],
)
def test_bad_multi_and_label_objects_are_refused(body: dict[str, Any], message: str) -> None:
    assert message in refusal(**body).message


def test_multi_belongs_to_classify_and_a_task_threshold_to_classify_tasks() -> None:
    with pytest.raises(ProtocolError, match="multi applies to task classify only"):
        parse(task="summarize", labels=None, multi=True)
    with pytest.raises(ConfigError, match=r"\[tasks.extract\] threshold applies to classify-kind tasks"):
        load_tasks({"extract": {"system": "x", "template": "{fields} {input}", "threshold": 0.5}})


def test_each_multi_label_is_its_own_yes_no_question() -> None:
    request = parse(multi=True)
    assert request.labels is not None
    questions = label_questions(request.input, request.extra, request.labels)
    assert len(questions) == 3
    assert "- leak: oil, water or air escaping" in questions[0][1].content
    assert "noise" not in questions[0][1].content and "- noise" in questions[1][1].content
    assert all("Answer yes or no." in q[1].content for q in questions)


def yes_no(p_yes: float) -> list[LabelScore]:
    # yes and Yes share p_yes; no and No the rest
    return [LabelScore("yes", math.log(p_yes / 2), 1), LabelScore("Yes", math.log(p_yes / 2), 1),
            LabelScore("no", math.log((1 - p_yes) / 2), 1), LabelScore("No", math.log((1 - p_yes) / 2), 1)]


def test_multi_answers_the_labels_at_or_above_the_threshold_most_probable_first() -> None:
    outcome = multi_outcome(["leak", "noise", "safety"], [yes_no(0.8), yes_no(0.2), yes_no(0.9)], 0.5)
    assert outcome.valid
    assert outcome.output == {
        "labels": ["safety", "leak"], "scores": {"leak": 0.8, "noise": 0.2, "safety": 0.9}, "threshold": 0.5,
    }
    assert outcome.confidence == pytest.approx(0.8)  # the least decided label: leak at 0.8 (or noise at 0.2)
    assert multi_outcome(["a", "b"], [yes_no(0.3), yes_no(0.1)], 0.3).output["labels"] == ["a"]  # type: ignore[index]
    broken = multi_outcome(["a", "b"], [yes_no(0.3), [LabelScore("yes", math.nan, 1)]], 0.5)
    assert not broken.valid and "'b'" in (broken.problem or "")


def test_the_clouds_multi_answer_is_read_line_by_line() -> None:
    labels = LabelSet((None, None, None), True, 0.5)
    read = CLASSIFY_KIND.read_cloud_answer
    assert read("- Leak\nsafety.\n", ["leak", "noise", "safety"], None, labels).output == {
        "labels": ["leak", "safety"], "scores": None, "threshold": 0.5}
    assert read("none", ["leak", "noise"], None, labels).output["labels"] == []  # type: ignore[index]
    strays = read("leak\nfire", ["leak", "noise"], None, labels)
    assert not strays.valid and "not labels" in (strays.problem or "")
    assert read("noise", ["leak", "noise"]).output == {"label": "noise", "scores": None}  # single, as before


def test_multi_agreement_is_the_overlap_of_the_label_sets() -> None:
    agree = CLASSIFY_KIND.agreement
    assert agree({"labels": ["a", "b"]}, {"labels": ["b", "c"]}) == pytest.approx(1 / 3)
    assert agree({"labels": []}, {"labels": []}) == 1.0
    assert agree({"label": "a"}, {"label": "a"}) == 1.0


class YesNoEngine(FreeEngine):
    """Says yes to the questions about 'leak' and no to the others; past a deadline, refuses."""

    def __init__(self, late: bool = False) -> None:
        super().__init__("")
        self.late = late
        self.questions: list[str] = []

    def score_labels(self, messages: Sequence[ChatMessage], labels: Sequence[str], *, complete: bool = True,
                     deadline: float | None = None, adapter: AdapterRef | None = None) -> list[LabelScore]:
        if self.late:
            raise DeadlineExceeded("the deadline passed")
        question = messages[-1].content
        self.questions.append(question)
        yes = 0.9 if "- leak" in question else 0.1
        return yes_no(yes)


def test_the_runner_asks_one_question_per_label_and_answers_the_labels_above_the_threshold() -> None:
    engine = YesNoEngine()
    [result] = TaskRunner(engine, load_tasks()).run([parse(multi=True)])  # type: ignore[arg-type]
    assert result.ok and result.valid
    assert result.output == {"labels": ["leak"], "scores": {"leak": 0.9, "noise": 0.1, "safety": 0.1},
                             "threshold": 0.5}
    assert len(engine.questions) == 3 and "oil, water or air escaping" in engine.questions[0]
    [late] = TaskRunner(YesNoEngine(late=True), load_tasks()).run([parse(multi=True)])  # type: ignore[arg-type]
    assert late.error_code == "deadline_exceeded"
