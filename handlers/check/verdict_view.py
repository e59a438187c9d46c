"""A verdict as messages: the headline, one line per reason, and the next step."""

from __future__ import annotations

from domain.eligibility import Reason, Status, Verdict, VerdictKind
from handlers.core.messages import ArgValue, Msg

_MARK = {Status.PASS: "mark-pass", Status.FAIL: "mark-fail", Status.UNKNOWN: "mark-unknown"}


def reason_key(code: str) -> str:
    return "reason-" + code.replace(".", "-")


def reason_msg(reason: Reason) -> Msg:
    args: dict[str, ArgValue] = {}
    for name, value in reason.args.items():
        if name == "occupation":
            args[name] = Msg(f"occ-{value}")
        elif isinstance(value, str | int | float):
            args[name] = value
        elif value is None:
            args[name] = "-"
        else:
            args[name] = str(value)
    return Msg(reason_key(reason.code), args)


def reason_line(reason: Reason) -> Msg:
    return Msg("reason-line", {"mark": Msg(_MARK[reason.status]), "text": reason_msg(reason)})


def headline(verdict: Verdict) -> Msg:
    return Msg(f"verdict-{verdict.kind.value}")


def next_step(verdict: Verdict) -> Msg:
    if verdict.kind is VerdictKind.NOT_ELIGIBLE:
        failed = {r.code for r in verdict.reasons_with(Status.FAIL)}
        if "registry.not_listed" in failed and len(failed) == 1:
            return Msg("next-not_eligible-registry")
        return Msg("next-not_eligible")
    return Msg(f"next-{verdict.kind.value}")


def reasons_block(verdict: Verdict, answered_only: bool = False) -> Msg:
    """All reasons, failed and unknown first: the ones a person must act on. When the check
    stopped early, questions never asked are left out rather than listed as unknown."""
    order = {Status.FAIL: 0, Status.UNKNOWN: 1, Status.PASS: 2}
    reasons = [r for r in verdict.reasons if not (answered_only and r.code.endswith(".missing"))]
    ordered = sorted(reasons, key=lambda r: order[r.status])
    return Msg("reasons-list", {"lines": _join(ordered)})


def _join(reasons: list[Reason]) -> Msg:
    # Fluent has no loops: chain "line\nrest" messages so each line is rendered by the catalogue.
    if not reasons:
        return Msg("empty")
    head, *rest = reasons
    if not rest:
        return reason_line(head)
    return Msg("lines-join", {"first": reason_line(head), "rest": _join(rest)})
