"""The end of retention in part (scenario 9): a coordinator finds a case from the privacy page, is told what is
missing when asking for an erasure without choosing whom or why, asks for the child's erasure, and cannot approve
it herself; a second coordinator finds it awaiting approval on /privacy and approves it, and the case's page then
reads the child as erased.

Needs --user coordinator=..., --user second-coordinator=... and --case REFERENCE (a notified case)."""

from browser import JourneyFailure
from pages import check_error_summary, fill_field, has_errors


def run(journey):
    reference = (journey.arguments.case or [None])[0]
    if not reference:
        raise JourneyFailure("give --case REFERENCE")
    first = journey.browser("coordinator")
    username, password = journey.user("coordinator")
    journey.sign_in_as(first, username, password)
    ask_for_erasure(journey, first, reference)

    second = journey.browser("second-coordinator")
    username, password = journey.user("second-coordinator")
    journey.sign_in_as(second, username, password)
    approve(journey, second, reference)


def ask_for_erasure(journey, browser, reference):
    browser.open(journey.base + "/privacy")
    if "No erasure is awaiting approval" not in browser.text():
        raise JourneyFailure("/privacy lists an erasure before any was asked for: %s" % browser.text()[:300])
    journey.step(browser, "privacy", "the privacy page: nothing awaiting approval")
    fill_field(browser, "case", reference)
    browser.submit_with("Open")
    if not browser.path().endswith("/privacy") or reference not in browser.text():
        raise JourneyFailure("finding %s did not open its privacy page: %s" % (reference, browser.path()))
    if "the child" not in browser.text():
        raise JourneyFailure("the case's privacy page does not list the child: %s" % browser.text()[:400])
    journey.step(browser, "case-privacy", "the case's people, by role")
    browser.submit_with("Ask for the erasure")
    if not has_errors(browser):
        raise JourneyFailure("an erasure asked for without whom or why was accepted")
    linked = check_error_summary(browser)
    journey.step(browser, "erasure-errors", "asking without choosing whom is refused, linking to %s" % ", ".join(linked))
    fill_field(browser, "roles", "child")
    fill_field(browser, "reason", "Retention policy RP-4")
    browser.submit_with("Ask for the erasure")
    if has_errors(browser) or "Erasure asked for" not in browser.text():
        raise JourneyFailure("the erasure was not asked for: %s" % browser.text()[:400])
    if browser.driver.find_elements("css selector", "#approve"):
        raise JourneyFailure("the person who asked is offered to approve it too")
    journey.step(browser, "erasure-asked", "erasure of the child asked for: 1 of 2 approvals")


def approve(journey, browser, reference):
    browser.open(journey.base + "/privacy")
    links = [a for a in browser.driver.find_elements("css selector", "main table a") if a.text.strip() == reference]
    if not links:
        raise JourneyFailure("/privacy does not list %s awaiting approval: %s" % (reference, browser.text()[:300]))
    journey.step(browser, "awaiting-approval", "%s awaits approval" % reference)
    links[0].click()
    browser.wait_for_load()
    browser.submit_with("Approve the erasure")
    if "carried out" not in browser.text():
        raise JourneyFailure("the second approval did not carry the erasure out: %s" % browser.text()[:400])
    rows = browser.driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#people-table tbody tr'),"
        " function (r) { return r.innerText.toLowerCase(); });")
    if not any("the child" in row and "erased" in row for row in rows):
        raise JourneyFailure("the child is not shown as erased: %s" % rows)
    journey.step(browser, "erased", "the second person's approval erased the child")
