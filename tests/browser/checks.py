"""Basic accessibility checks run in the page: labels, headings, visible focus, no sideways scrolling."""

UNLABELLED = """() => Array.from(document.querySelectorAll("input, select, textarea"))
  .filter(el => el.type !== "hidden" && el.getClientRects().length > 0)
  .filter(el => !(el.labels && el.labels.length))
  .filter(el => !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
  .map(el => el.outerHTML.slice(0, 120))"""

HEADINGS = """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
  .filter(el => el.getClientRects().length > 0).map(el => Number(el.tagName[1]))"""

FOCUS_OUTLINE = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {tag: el.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def unlabelled_inputs(page) -> list[str]:
    return page.evaluate(UNLABELLED)


def heading_problems(page) -> list[str]:
    """One h1, first; no level skipped on the way down (h2 → h4)."""
    levels = page.evaluate(HEADINGS)
    problems = [] if levels[:1] == [1] and levels.count(1) == 1 else [f"h1 not single and first: {levels}"]
    problems += [f"h{a} followed by h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return problems


def focus_outlines(page, presses: int = 4) -> list[dict]:
    """Tab through the first elements; each focused element must show an outline."""
    page.locator("body").focus()
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_OUTLINE))
    return seen


def sideways_overflow(page) -> int:
    return page.evaluate(SIDEWAYS)
