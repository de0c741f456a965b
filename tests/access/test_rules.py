"""The access register's rules, one requester category at a time."""

from gov.infomgmt.access import rules

import pytest


ALL_CREDENTIALS = [value for value, _ in rules.CREDENTIALS]


@pytest.mark.parametrize(
    ("category", "required"),
    [
        (rules.OWN_OFFICER, set()),
        (rules.STAFF, set()),
        (rules.PUBLIC_SECURITY, {rules.LETTER, rules.VALID_ID}),
        (rules.PROCURATORATE, {rules.LETTER, rules.VALID_ID}),
        (rules.COURT, {rules.LETTER, rules.VALID_ID}),
        (rules.STATE_SECURITY, {rules.LETTER, rules.VALID_ID}),
        (rules.DISCIPLINE, {rules.LETTER, rules.VALID_ID}),
        (rules.AUDIT, {rules.LETTER, rules.VALID_ID}),
        (rules.PARTY, {rules.LETTER, rules.VALID_ID}),
        (
            rules.LAWYER,
            {
                rules.LETTER,
                rules.VALID_ID,
                rules.POWER_OF_ATTORNEY,
                rules.AUTHORISATION,
                rules.PRACTISING_CERTIFICATE,
            },
        ),
        (rules.AGENCY, {rules.OFFICIAL_LETTER}),
    ],
)
def test_credentials(category, required):
    assert set(rules.missing_credentials(category, [])) == required
    assert rules.missing_credentials(category, ALL_CREDENTIALS) == []
    for credential in required:
        shown = [c for c in ALL_CREDENTIALS if c != credential]
        refused = rules.refusals(
            category, shown, rules.CONSULT, rules.CONCLUSIVE_ONLY, "inspection"
        )
        assert [r.rule for r in refused] == ["credentials_missing"]
        assert refused[0].field == "credentials"
        assert credential in refused[0].message.mapping["missing"]


@pytest.mark.parametrize("category", [rules.PARTY, rules.LAWYER])
def test_party_and_lawyer_see_conclusive_documents_of_their_own_case(category):
    ok = rules.refusals(
        category, ALL_CREDENTIALS, rules.COPY, rules.CONCLUSIVE_ONLY, "penalty"
    )
    assert ok == []
    wide = rules.refusals(
        category, ALL_CREDENTIALS, rules.COPY, rules.WHOLE_FILE, "penalty"
    )
    assert [r.rule for r in wide] == ["scope_too_wide"]
    other = rules.refusals(
        category,
        ALL_CREDENTIALS,
        rules.CONSULT,
        rules.CONCLUSIVE_ONLY,
        "penalty",
        own_case=False,
    )
    assert [r.rule for r in other] == ["not_own_case"]
    lend = rules.refusals(
        category, ALL_CREDENTIALS, rules.LEND, rules.CONCLUSIVE_ONLY, "inspection"
    )
    assert [r.rule for r in lend] == ["mode_not_allowed"]


@pytest.mark.parametrize(
    "category", sorted(rules.AUTHORITIES | {rules.AGENCY, rules.PARTY})
)
def test_penalty_files_never_lent_outside(category):
    refused = rules.refusals(
        category, ALL_CREDENTIALS, rules.LEND, rules.WHOLE_FILE, rules.PENALTY
    )
    assert "no_outside_loan" in [r.rule for r in refused] or "mode_not_allowed" in [
        r.rule for r in refused
    ]


@pytest.mark.parametrize("category", [rules.OWN_OFFICER, rules.STAFF])
def test_penalty_files_lent_inside_with_approval(category):
    assert (
        rules.refusals(category, [], rules.LEND, rules.WHOLE_FILE, rules.PENALTY) == []
    )
    assert rules.needs_approval(category, rules.LEND)


def test_authorities_borrow_other_files_with_approval():
    assert (
        rules.refusals(
            rules.COURT, ALL_CREDENTIALS, rules.LEND, rules.WHOLE_FILE, "licence"
        )
        == []
    )
    assert rules.needs_approval(rules.COURT, rules.LEND)


def test_agencies_get_copies_by_post_or_consult():
    assert (
        rules.refusals(
            rules.AGENCY,
            [rules.OFFICIAL_LETTER],
            rules.POST_COPIES,
            rules.WHOLE_FILE,
            "licence",
        )
        == []
    )
    refused = rules.refusals(
        rules.AGENCY, [rules.OFFICIAL_LETTER], rules.COPY, rules.WHOLE_FILE, "licence"
    )
    assert [r.rule for r in refused] == ["mode_not_allowed"]


@pytest.mark.parametrize(
    ("category", "mode", "approval"),
    [
        (rules.OWN_OFFICER, rules.CONSULT, False),
        (rules.OWN_OFFICER, rules.COPY, True),
        (rules.OWN_OFFICER, rules.LEND, True),
        (rules.STAFF, rules.CONSULT, True),
        (rules.COURT, rules.CONSULT, True),
        (rules.PARTY, rules.CONSULT, True),
    ],
)
def test_approval(category, mode, approval):
    assert rules.needs_approval(category, mode) is approval


def test_unknown_category():
    assert (
        rules.refusals("neighbour", [], rules.CONSULT, rules.WHOLE_FILE, "penalty")[
            0
        ].field
        == "category"
    )
