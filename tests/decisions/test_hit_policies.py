"""Every hit policy, from tables drawn in Camunda Modeler (tests/decisions/hit_policies.dmn)."""
import pytest

from engine.decisions.errors import DecisionFailed


def failure(decide, decision_id: str, **variables) -> DecisionFailed:
    with pytest.raises(DecisionFailed) as err:
        decide(decision_id, **variables)
    return err.value


def test_unique_gives_the_one_matching_rule(decide):
    assert decide("unique_urgentie", score=3) == ({"urgentie": "laag"}, [1])
    assert decide("unique_urgentie", score=12) == ({"urgentie": "hoog"}, [3])


def test_unique_with_two_matches_names_both_rules(decide):
    err = failure(decide, "unique_urgentie", score=9)
    assert "UNIQUE" in err.message and "regel 2 (DecisionRule_" in err.message and "regel 3 (DecisionRule_" in err.message
    assert "'unique_urgentie'" in err.message and "Score = 9" in err.message


def test_any_accepts_agreeing_matches_and_refuses_disagreeing_ones(decide):
    assert decide("any_meerderjarig", leeftijd=20) == ({"meerderjarig": "ja"}, [1, 2])
    err = failure(decide, "any_meerderjarig", leeftijd=70)
    assert "ANY" in err.message and "regel 1" in err.message and "regel 3" in err.message


def test_first_takes_the_first_match_in_rule_order(decide):
    assert decide("first_korting", leeftijd=10) == ({"korting": 50}, [1])
    assert decide("first_korting", leeftijd=15) == ({"korting": 25}, [2])
    assert decide("first_korting", leeftijd=40) == ({"korting": 0}, [3])


def test_priority_follows_the_order_of_the_output_values(decide):
    assert decide("priority_zorgniveau", signalen=5, gezin=True) == ({"zorgniveau": "hoog"}, [3])
    assert decide("priority_zorgniveau", signalen=1, gezin=True) == ({"zorgniveau": "midden"}, [1])
    assert decide("priority_zorgniveau", signalen=0, gezin=True) == ({"zorgniveau": "laag"}, [2])


def test_no_match_without_a_default_is_an_error_naming_decision_and_inputs(decide):
    err = failure(decide, "priority_zorgniveau", signalen=0, gezin=False)
    assert "geen regel past" in err.message and "Signalen = 0" in err.message and "Gezin betrokken = false" in err.message


def test_output_order_sorts_all_matches_by_output_priority(decide):
    assert decide("output_order_acties", risico=9) == (
        {"actie": ["melding Veilig Thuis", "Jeugdbeschermingstafel", "gesprek"]}, [3, 2, 1])


def test_rule_order_keeps_the_rules_order(decide):
    assert decide("rule_order_acties", risico=9) == (
        {"actie": ["gesprek", "Jeugdbeschermingstafel", "melding Veilig Thuis"]}, [1, 2, 3])
    assert decide("rule_order_acties", risico=0) == ({"actie": []}, [])


def test_collect_lists_every_match(decide):
    assert decide("collect_professionals", leeftijd_kind=2, huisarts_contact=True) == (
        {"professional": ["JGZ", "huisarts"]}, [1, 3])
    assert decide("collect_professionals", leeftijd_kind=10, huisarts_contact=False) == ({"professional": ["school"]}, [2])


@pytest.mark.parametrize(("aggregation", "score", "expected"), [
    ("sum", 3, 35), ("min", 3, 5), ("max", 3, 20), ("count", 3, 3),
    ("sum", 2, 30), ("min", 2, 10), ("max", 2, 20), ("count", 2, 2),
    ("sum", 0, 0), ("count", 0, 0),
])
def test_collect_with_aggregation(decide, aggregation, score, expected):
    outputs, rows = decide(f"collect_{aggregation}_punten", score=score)
    assert outputs == {"punten": expected}
    assert rows == [1, 2, 3][:score]


@pytest.mark.parametrize("aggregation", ["min", "max"])
def test_min_or_max_of_no_match_is_an_error(decide, aggregation):
    assert "geen regel past" in failure(decide, f"collect_{aggregation}_punten", score=0).message
