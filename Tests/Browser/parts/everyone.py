"""What every visitor meets: the way from /notify to signing in, the confirmation of a new password, HTML error
pages with a way back (never raw JSON or an empty body), a reference typed into the address, an oversized answer
on the public form shown beside its field, and a panel member kept from a case not on their agenda.

Needs --user coordinator=... and --user panel-member=..., and --case REFERENCE (a notified case)."""

from browser import JourneyFailure
from pages import has_errors


def run(journey):
    reference = (journey.arguments.case or [None])[0]
    if not reference:
        raise JourneyFailure("give --case REFERENCE")
    public = journey.browser("visitor")
    notify_to_sign_in(journey, public)
    oversized_answer(journey, public)
    error_pages(journey, public)

    coordinator = journey.browser("coordinator")
    username, password = journey.user("coordinator")
    sign_in_with_confirmation(journey, coordinator, username, password)
    if html_page(journey, coordinator, "/cases/CDOP-00000000") != "Page not found":
        raise JourneyFailure("an unknown reference is not 'Page not found' for the coordinator")
    reference_in_address(journey, coordinator, reference)

    member = journey.browser("panel-member")
    username, password = journey.user("panel-member")
    journey.sign_in_as(member, username, password, landing="/meetings")
    not_on_agenda(journey, member, coordinator)


def notify_to_sign_in(journey, browser):
    """The public form links to signing in: a member of staff who lands there finds their way."""
    browser.open(journey.base + "/notify")
    click_link(browser, "Sign in")
    if not browser.path().startswith("/sign-in"):
        raise JourneyFailure("the Sign in link on /notify went to %s" % browser.path())
    journey.step(browser, "notify-to-sign-in", "/notify links to the sign-in page")


def oversized_answer(journey, browser):
    """An answer longer than the form allows comes back beside its field, never as a bare 413."""
    browser.open(journey.base + "/notify")
    browser.driver.execute_script(
        "document.getElementById('circumstances').value = 'x'.repeat(12000);")
    browser.submit_with("Send the notification")
    if not has_errors(browser):
        raise JourneyFailure("a 12,000-character answer was not refused: %s" % browser.text()[:300])
    message = browser.driver.execute_script(
        "var e = document.getElementById('circumstances-error'); return e ? e.innerText : '';")
    if "10000" not in message.replace(",", ""):
        raise JourneyFailure("the circumstances field has no error naming its limit: %r" % message)
    journey.step(browser, "notify-oversized", "a too-long answer is refused beside its field: %s" % " ".join(message.split()))


def error_pages(journey, browser):
    """Unknown addresses, a bare /forms/ and a link that was never issued each get an HTML page with a way back."""
    for path in ["/forms/", "/forms/" + "A" * 43, "/no-such-page"]:
        html_page(journey, browser, path)
    click_link(browser, "Go to the start page")
    # The start page: a visitor's is the notification form.
    if browser.path() not in ("/", "/notify"):
        raise JourneyFailure("the error page's way back went to %s" % browser.path())
    journey.step(browser, "way-back", "the error page's way back leads to the start page (%s)" % browser.path())


def html_page(journey, browser, path):
    """Opens `path` and expects an HTML page with a heading, not JSON and not an empty body; returns the heading."""
    browser.open(journey.base + path)
    heading = browser.driver.execute_script("var h = document.querySelector('main h1'); return h ? h.innerText : '';")
    if not heading:
        raise JourneyFailure("%s shows no HTML page: %r" % (path, browser.text()[:200]))
    if browser.text().lstrip().startswith("{"):
        raise JourneyFailure("%s shows JSON to a browser: %s" % (path, browser.text()[:200]))
    journey.step(browser, "error-" + path.strip("/").replace("/", "-")[:20], "%s: \"%s\"" % (path, heading))
    return heading


def sign_in_with_confirmation(journey, browser, username, password):
    """The first sign-in changes the generated password and says so."""
    browser.open(journey.base + "/sign-in")
    journey.submit_sign_in(browser, username, password)
    fields = browser.driver.find_elements("css selector", "main input[type=password]")
    if not fields:
        raise JourneyFailure("the first sign-in did not ask for a new password: %s" % browser.text()[:300])
    for field in fields:
        name = field.get_attribute("name") or ""
        field.clear()
        field.send_keys(password if "current" in name else journey.arguments.new_password)
    browser.submit_with(browser.driver.find_element(
        "css selector", "main form button[type=submit], main form button:not([type])").text.strip())
    if "password has been changed" not in browser.text():
        raise JourneyFailure("no confirmation after the password change: %s" % browser.text()[:300])
    journey.step(browser, "password-changed", "the password change is confirmed")
    if browser.path().startswith("/sign-in"):
        journey.submit_sign_in(browser, username, journey.arguments.new_password)
    browser.open(journey.base + "/dashboard")
    if not browser.path().startswith("/dashboard"):
        raise JourneyFailure("signing in with the new password did not reach the dashboard: %s" % browser.path())


def reference_in_address(journey, browser, reference):
    """A case reference typed into the address opens that case."""
    browser.open(journey.base + "/cases/" + reference)
    if reference not in browser.driver.find_element("css selector", "main h1").text:
        raise JourneyFailure("/cases/%s does not show the case: %s" % (reference, browser.text()[:300]))
    journey.step(browser, "reference-in-address", "/cases/%s opens the case" % reference)


def not_on_agenda(journey, member, coordinator):
    """A panel member opening a case that is on no agenda of theirs gets the HTML not-found page."""
    case_path = coordinator.path()
    member.open(journey.base + "/panel" + case_path)
    heading = member.driver.execute_script("var h = document.querySelector('main h1'); return h ? h.innerText : '';")
    if not heading or member.text().lstrip().startswith("{"):
        raise JourneyFailure("a case not on the agenda shows no HTML page: %s" % member.text()[:200])
    journey.step(member, "not-on-agenda", "a case not on the member's agenda: \"%s\"" % heading)


def click_link(browser, text):
    links = [a for a in browser.driver.find_elements("css selector", "a") if a.text.strip() == text and a.is_displayed()]
    if not links:
        raise JourneyFailure("no link \"%s\" on %s" % (text, browser.path()))
    links[0].click()
    browser.wait_for_load()
