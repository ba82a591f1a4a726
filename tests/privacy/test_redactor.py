"""The Redactor as the escalation path uses it: offsets, one vault per request, configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from edged.errors import ConfigError
from edged.privacy import PrivacyConfig, Redactor, SitePattern, load_privacy_config, redact
from edged.privacy.evalset import generate


def test_offsets_point_into_the_original_on_generated_text(site_redactor: Redactor) -> None:
    for sample in generate(60, seed=3):
        for e in site_redactor.detect(sample.text):
            assert sample.text[e.start : e.end] == e.text
            assert e.text.strip() == e.text and e.text


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "０１２３４５６７８９0123456789-ー－ 　@.:ａｂｃabc佐藤さん様ｶﾞ〒県市区丁目番号"
        ),
        max_size=60,
    )
)
def test_offsets_hold_for_any_text(text: str) -> None:
    redactor = _shared()
    entities = redactor.detect(text)
    last_end = 0
    for e in entities:
        assert text[e.start : e.end] == e.text
        assert e.start >= last_end  # sorted, no overlaps
        last_end = e.end


_REDACTOR: list[Redactor] = []


def _shared() -> Redactor:
    if not _REDACTOR:
        _REDACTOR.append(Redactor())
    return _REDACTOR[0]


def test_one_vault_across_the_fields_of_a_request(redactor: Redactor) -> None:
    vault = redactor.new_vault()
    subject, vault = redactor.redact("担当：佐藤太郎さん", vault=vault)
    body, same = redactor.redact("佐藤太郎さんから taro@example.co.jp へ", vault=vault)
    assert same is vault
    assert subject == "担当：<PERSON_1>さん"
    assert body == "<PERSON_1>さんから <EMAIL_1> へ"
    assert vault.counts() == {"EMAIL": 1, "PERSON": 1}
    answer, unknown = vault.reidentify("<PERSON_1>さんに<EMAIL_1>で返信")
    assert answer == "佐藤太郎さんにtaro@example.co.jpで返信"
    assert unknown == []


def test_module_level_redact_and_lang_values(redactor: Redactor) -> None:
    text, vault = redact("Operator Tyler Williams called +1 415-867-5309")
    assert text == "Operator <PERSON_1> called <PHONE_1>"
    assert vault.counts() == {"PERSON": 1, "PHONE": 1}
    assert redactor.detect("") == []
    assert [e.type for e in redactor.detect("山田さん", lang="ja")] == ["PERSON"]
    with pytest.raises(ValueError, match="lang"):
        redactor.detect("x", lang="fr")


def test_entity_repr_hides_the_value(redactor: Redactor) -> None:
    (entity,) = redactor.detect("mail taro@example.co.jp")
    assert "taro" not in repr(entity)


def test_detectors_can_be_switched_off_and_values_allowed() -> None:
    r = Redactor(PrivacyConfig(detectors=["email", "phone"], allow=["０３－１２３４－５６７８"]))
    assert [e.type for e in r.detect("佐藤さん a@b.jp 03-1234-5678 090-1234-5678")] == ["EMAIL", "PHONE"]


def test_keyed_pseudonyms_from_a_key_file(tmp_path: Path) -> None:
    key = tmp_path / "privacy.key"
    key.write_bytes(b"0123456789abcdef0123456789abcdef")
    r = Redactor(PrivacyConfig(pseudonyms="keyed", hmac_key=key))
    first, _ = r.redact("mail taro@example.co.jp")
    second, _ = r.redact("again taro@example.co.jp")
    assert first.split()[1] == second.split()[1] != "<EMAIL_1>"


def test_config_errors_say_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="hmac_key"):
        PrivacyConfig(pseudonyms="keyed")
    with pytest.raises(ValidationError, match="regular expression"):
        SitePattern(name="lot", pattern="LOT-(")
    with pytest.raises(ValidationError, match="empty string"):
        SitePattern(name="lot", pattern="x*")
    short = tmp_path / "short.key"
    short.write_bytes(b"short")
    with pytest.raises(ConfigError, match="at least 32"):
        Redactor(PrivacyConfig(pseudonyms="keyed", hmac_key=short))
    with pytest.raises(ConfigError, match="roster"):
        Redactor(PrivacyConfig(roster=tmp_path / "missing.txt"))


def test_load_privacy_config_reads_the_table_and_resolves_paths(tmp_path: Path) -> None:
    (tmp_path / "names.txt").write_text("鬼瓦権蔵\n", encoding="utf-8")
    toml = tmp_path / "edged.toml"
    toml.write_text(
        'device_id = "x"\n[privacy]\nroster = "names.txt"\n'
        'mode = "standard"\n[[privacy.site_patterns]]\nname = "lot_number"\npattern = "LT[0-9]{6}"\n',
        encoding="utf-8",
    )
    config = load_privacy_config(toml)
    assert config.roster == tmp_path / "names.txt"
    assert config.site_patterns[0].type == "LOT_NUMBER"
    r = Redactor(config)
    assert [(e.type, e.text) for e in r.detect("鬼瓦権蔵がLT123456を出荷")] == [
        ("PERSON", "鬼瓦権蔵"),
        ("LOT_NUMBER", "LT123456"),
    ]
    toml.write_text("[privacy]\nsite_paterns = []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="did you mean 'site_patterns'"):
        load_privacy_config(toml)
    assert load_privacy_config(_write(tmp_path / "empty.toml", "")).mode == "strict"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
