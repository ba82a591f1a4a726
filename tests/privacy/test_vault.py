from __future__ import annotations

import copy
import pickle

import pytest

from edged.privacy import Vault


def test_same_value_same_placeholder_and_types_count_separately() -> None:
    v = Vault()
    assert v.placeholder("PERSON", "佐藤") == "<PERSON_1>"
    assert v.placeholder("PERSON", "田中") == "<PERSON_2>"
    assert v.placeholder("PERSON", "佐藤") == "<PERSON_1>"
    assert v.placeholder("PHONE", "03-1234-5678") == "<PHONE_1>"
    assert v.placeholder("PHONE", "０３-１２３４-５６７８") == "<PHONE_1>"  # the same number, full-width
    assert v.placeholder("EMPLOYEE_ID", "EMP-1") == "<EMPLOYEE_ID_1>"
    assert v.counts() == {"EMPLOYEE_ID": 1, "PERSON": 2, "PHONE": 1}


def test_reidentify_puts_values_back_and_reports_unknown_placeholders() -> None:
    v = Vault()
    a, b = v.placeholder("PERSON", "佐藤"), v.placeholder("EMPLOYEE_ID", "EMP-000123")
    text, unknown = v.reidentify(f"{a} ({b}) should call <PERSON_7>; {a} again. <person_1> <PHONE_2>")
    assert text == "佐藤 (EMP-000123) should call <PERSON_7>; 佐藤 again. <person_1> <PHONE_2>"
    assert unknown == ["<PERSON_7>", "<PHONE_2>"]


def test_the_first_spelling_comes_back() -> None:
    v = Vault()
    p = v.placeholder("PHONE", "０３-１２３４-５６７８")
    v.placeholder("PHONE", "03-1234-5678")
    assert v.reidentify(p) == ("０３-１２３４-５６７８", [])


def test_values_never_show_and_never_leave() -> None:
    v = Vault()
    v.placeholder("PERSON", "佐藤太郎")
    assert "佐藤" not in repr(v)
    assert "佐藤" not in str(v)
    with pytest.raises(TypeError):
        pickle.dumps(v)
    with pytest.raises(TypeError):
        copy.deepcopy(v)
    with pytest.raises(TypeError):
        copy.copy(v)


def test_keyed_pseudonyms_are_stable_across_vaults_and_keys_differ() -> None:
    key = b"k" * 32
    a, b, other = Vault(key), Vault(key), Vault(b"x" * 32)
    first = a.placeholder("PERSON", "佐藤")
    assert first == b.placeholder("PERSON", "佐藤")
    assert first != a.placeholder("PERSON", "田中")
    assert first != other.placeholder("PERSON", "佐藤")
    assert first.startswith("<PERSON_") and len(first) == len("<PERSON_>") + 10
    assert a.reidentify(f"ask {first}") == ("ask 佐藤", [])
    assert b.keyed and not Vault().keyed
