"""What the journey checks and fills on cdop's pages: keyboard use, error summaries, and form fields."""

import datetime
import re

from browser import JourneyFailure

# The error summary at the top of a page (cdop's own class, or the GOV.UK Design System's).
ERROR_SUMMARY = ".error-summary, .govuk-error-summary"

# What a synthetic answer of each kind looks like (no real person's data).
SYNTHETIC_TEXT = "Synthetic answer for the browser test"


def check_keyboard(browser):
    """From the top of a freshly loaded page, the first Tab stop is a skip link to the main content; Enter on
    it moves focus there; further Tabs reach the first form field. Every stop must show where focus is (an
    outline or a box shadow).

    Returns the Tab stops, described.
    """
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver = browser.driver
    browser.open(driver.current_url)
    first_field = driver.execute_script(FIRST_FIELD_SCRIPT)
    if first_field is None:
        raise JourneyFailure("%s has no form field to reach with the keyboard" % browser.path())
    stops = []

    def tab():
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUS_SCRIPT)
        if focused is None:
            raise JourneyFailure("%s: Tab moved focus to nothing after %s" % (browser.path(), " → ".join(stops) or "the top"))
        stops.append(focused["describe"])
        if not focused["visible"]:
            raise JourneyFailure("%s: focus on %s is not visible (no outline or box shadow)" % (browser.path(), focused["describe"]))
        return focused

    if not tab()["skipLink"]:
        raise JourneyFailure("%s: the first Tab stop is %s, not a skip link to the main content" % (browser.path(), stops[0]))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    inside = driver.execute_script(
        "var main = document.querySelector('main, [role=main]'); var a = document.activeElement;"
        "return !!main && (a === main || main.contains(a));")
    if not inside:
        raise JourneyFailure("%s: the skip link does not take focus to the main content" % browser.path())
    stops.append("Enter → main")
    for _ in range(20):
        if tab()["isFirstField"]:
            return stops
    raise JourneyFailure("%s: Tab did not reach the first field (%s): %s" % (browser.path(), first_field, " → ".join(stops)))


FIRST_FIELD_SCRIPT = """
var fields = document.querySelectorAll('main form input:not([type=hidden]), main form select, main form textarea');
for (var i = 0; i < fields.length; i++) {
  var f = fields[i];
  if (f.offsetParent !== null && !f.disabled) { f.setAttribute('data-journey-first', '1'); return f.id || f.name; }
}
return null;
"""

FOCUS_SCRIPT = """
var a = document.activeElement;
if (!a || a === document.body) return null;
function shown(el) {
  var s = getComputedStyle(el);
  var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  var shadow = s.boxShadow && s.boxShadow !== 'none';
  return outline || shadow;
}
var visible = shown(a);
// A radio or checkbox is often drawn by its label's ::before: accept the focus style on the label too.
if (!visible && a.id) {
  var label = document.querySelector('label[for="' + a.id + '"]');
  if (label) {
    var before = getComputedStyle(label, '::before'), after = getComputedStyle(label, '::after');
    visible = shown(label) || (before.boxShadow && before.boxShadow !== 'none')
      || (after.boxShadow && after.boxShadow !== 'none') || parseFloat(before.borderWidth) >= 3;
  }
}
var href = a.getAttribute('href') || '';
var main = document.querySelector('main, [role=main]');
var skip = a.tagName === 'A' && href.charAt(0) === '#' && !!main && href === '#' + main.id;
var text = (a.innerText || a.value || a.name || a.id || '').trim().slice(0, 40);
return {describe: a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + (text ? ' "' + text + '"' : ''),
        visible: visible, skipLink: skip, isFirstField: a.getAttribute('data-journey-first') === '1'};
"""


def check_error_summary(browser, minimum_links=1):
    """After a wrong submission: a summary of the errors with a link to each field, each error beside its field.

    Returns the ids of the fields the summary links to.
    """
    driver = browser.driver
    report = driver.execute_script(ERROR_SUMMARY_SCRIPT, ERROR_SUMMARY)
    if report is None:
        raise JourneyFailure("%s shows no error summary after a wrong submission" % browser.path())
    problems = report["problems"]
    if len(report["links"]) < minimum_links:
        problems.append("the summary links to %d field(s), fewer than %d" % (len(report["links"]), minimum_links))
    if not report["announced"]:
        problems.append("the summary is neither focused nor role=alert, so screen readers do not announce it")
    if problems:
        raise JourneyFailure("%s error summary: %s" % (browser.path(), "; ".join(problems)))
    # A link in the summary moves focus to its field.
    first = report["links"][0]
    link = driver.execute_script(
        "var s = document.querySelector(arguments[0]) || document.querySelector('[role=alert]');"
        "return s.querySelector('a[href=\"#' + arguments[1] + '\"]');", ERROR_SUMMARY, first)
    link.click()
    focused = driver.execute_script("return document.activeElement && document.activeElement.id")
    if focused != first:
        raise JourneyFailure("%s: the summary link to #%s moved focus to #%s" % (browser.path(), first, focused))
    return report["links"]


ERROR_SUMMARY_SCRIPT = """
var summary = document.querySelector(arguments[0]) || document.querySelector('[role=alert]');
if (!summary) return null;
var problems = [], links = [];
var announced = summary.getAttribute('role') === 'alert' || summary.contains(document.activeElement);
var anchors = summary.querySelectorAll('a[href^="#"]');
for (var i = 0; i < anchors.length; i++) {
  var id = decodeURIComponent(anchors[i].getAttribute('href').slice(1));
  var message = anchors[i].innerText.trim();
  var field = document.getElementById(id);
  if (!field) { problems.push('link "' + message + '" points to #' + id + ', which is not on the page'); continue; }
  links.push(id);
  // The error must be beside the field and tied to it (aria-describedby on the field or its fieldset).
  var holders = [field];
  var fieldset = field.closest('fieldset');
  if (fieldset) holders.push(fieldset);
  var described = '';
  holders.forEach(function (h) {
    (h.getAttribute('aria-describedby') || '').split(/\\s+/).forEach(function (ref) {
      var el = ref && document.getElementById(ref);
      if (el) described += ' ' + el.innerText;
    });
  });
  if (described.indexOf(message) < 0)
    problems.push('field #' + id + ' is not described by its error "' + message + '"');
  // The label must be tied to the field too (WCAG 1.3.1, 3.3.2).
  var labelled = (field.labels && field.labels.length) || field.getAttribute('aria-labelledby') || field.getAttribute('aria-label');
  if (!labelled) problems.push('field #' + id + ' has no label');
}
return {links: links, problems: problems, announced: announced};
"""


def has_errors(browser):
    """Whether the page shows an error summary (the last submission was refused)."""
    return bool(browser.driver.find_elements("css selector", ERROR_SUMMARY))


def fill_field(browser, name, value):
    """Sets a field by its form name: text, textarea, select, radios, checkboxes, or a date (one input or
    day/month/year inputs). Text is typed with the keyboard."""
    driver = browser.driver
    elements = [e for e in driver.find_elements("css selector", "[name='%s']" % name)]
    if not elements and isinstance(value, datetime.date):
        parts = {"day": value.day, "month": value.month, "year": value.year}
        for suffix, number in parts.items():
            found = driver.find_elements("css selector", "[name='%s-%s'], [name='%s[%s]']" % (name, suffix, name, suffix))
            if not found:
                raise JourneyFailure("%s has no field named %s (nor %s-day/-month/-year)" % (browser.path(), name, name))
            type_into(found[0], str(number))
        return
    if not elements:
        raise JourneyFailure("%s has no field named %s" % (browser.path(), name))
    element = elements[0]
    kind = (element.get_attribute("type") or element.tag_name).lower()
    if element.tag_name == "select":
        choose_option(browser, element, value)
    elif kind in ("radio", "checkbox"):
        wanted = [e for e in elements if e.get_attribute("value") == value] if value is not None else elements[:1]
        if not wanted:
            raise JourneyFailure("%s: %s has no choice %s" % (browser.path(), name, value))
        click_choice(browser, wanted[0])
    elif kind == "date":
        day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)
        driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, day.isoformat())
    else:
        text = value.strftime("%d/%m/%Y") if isinstance(value, datetime.date) else str(value)
        type_into(element, text)


def type_into(element, text):
    element.clear()
    element.send_keys(text)


def choose_option(browser, select, value):
    from selenium.webdriver.support.select import Select

    chooser = Select(select)
    if value is None:
        options = [o for o in chooser.options if o.get_attribute("value")]
        if not options:
            raise JourneyFailure("%s: the list %s has no choices" % (browser.path(), select.get_attribute("name")))
        chooser.select_by_value(options[0].get_attribute("value"))
        return
    for option in chooser.options:
        if option.get_attribute("value") == value or option.text.strip() == value:
            chooser.select_by_value(option.get_attribute("value"))
            return
    for option in chooser.options:
        if value.lower() in option.text.lower():
            chooser.select_by_value(option.get_attribute("value"))
            return
    shown = ", ".join(o.text.strip() for o in chooser.options)
    raise JourneyFailure("%s: the list %s has no choice %s (it has: %s)" % (browser.path(), select.get_attribute("name"), value, shown))


def click_choice(browser, element):
    """Ticks a radio or checkbox the way a person does: by its label (styled inputs are often hidden)."""
    if element.is_selected():
        return
    field_id = element.get_attribute("id")
    labels = browser.driver.find_elements("css selector", "label[for='%s']" % field_id) if field_id else []
    target = labels[0] if labels and labels[0].is_displayed() else element
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", target)
    target.click()
    if not element.is_selected():
        raise JourneyFailure("%s: clicking %s did not select it" % (browser.path(), field_id or element.get_attribute("name")))


def answer_required_fields(browser, field_ids, today):
    """Answers each field the error summary linked to with a synthetic value that fits its kind."""
    driver = browser.driver
    for field_id in field_ids:
        element = driver.find_element("id", field_id)
        kind = (element.get_attribute("type") or element.tag_name).lower()
        name = element.get_attribute("name") or field_id
        if element.tag_name == "select":
            choose_option(browser, element, None)
        elif kind in ("radio", "checkbox"):
            click_choice(browser, element)
        elif kind == "date":
            fill_field(browser, name, today - datetime.timedelta(days=1))
        elif re.search(r"-(day|month|year)$", name):
            stem = re.sub(r"-(day|month|year)$", "", name)
            fill_field(browser, stem, today - datetime.timedelta(days=1))
        elif kind == "email" or "email" in name:
            type_into(element, "practitioner@example.nhs.uk")
        elif kind == "tel" or "phone" in name:
            type_into(element, "0113 496 0000")
        elif kind == "number":
            type_into(element, "1")
        else:
            type_into(element, SYNTHETIC_TEXT)
