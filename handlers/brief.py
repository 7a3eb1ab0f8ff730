"""The assignment letter (toewijzingsbrief) to the duo, as HTML and PDF; deterministic for replay."""
import base64
import html
import re

from fpdf import FPDF

from handlers.brief_tekst import AANHEF, SECTIES
from handlers.config import REGIO_NAAM, REGIO_ZVH
from handlers.context import HandlerContext, HandlerError
from handlers.werkdagen import lokale_datum

PDF_REPLACEMENTS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}


def _fields(ctx: HandlerContext, casus_id, duo, regio, pseudoniem) -> dict:
    try:
        casemanager, casusregisseur = duo["casemanager_zorg"], duo["casusregisseur_gemeente"]
    except (KeyError, TypeError) as err:
        raise HandlerError("De toewijzingsbrief vraagt een volledig duo (casemanager zorg en casusregisseur).") from err
    if regio not in REGIO_ZVH:
        raise HandlerError(f"Onbekende regio '{regio}' voor de toewijzingsbrief.")
    return {
        "regio": REGIO_NAAM[regio], "zvh": REGIO_ZVH[regio],
        "casemanager": f"{casemanager['naam']} ({casemanager['organisatie']})",
        "casusregisseur": f"{casusregisseur['naam']} ({casusregisseur['organisatie']})",
        "pseudoniem": pseudoniem, "casus_id": casus_id, "datum": lokale_datum(ctx.now).strftime("%d-%m-%Y"),
    }


def _blocks(fields: dict):
    """Yield (kind, text) with kind in heading / paragraph / bullet, placeholders filled."""
    yield "paragraph", AANHEF.format(**fields)
    for heading, blocks in SECTIES:
        if heading:
            yield "heading", heading
        for block in blocks:
            if isinstance(block, list):
                for bullet in block:
                    yield "bullet", bullet.format(**fields)
            else:
                yield "paragraph", block.format(**fields)


def _html(fields: dict) -> str:
    parts = [f"<h1>Toewijzing levensloopfunctie</h1><p>{html.escape(fields['datum'])}</p>"]
    in_list = False
    for kind, text in _blocks(fields):
        if kind == "bullet" and not in_list:
            parts.append("<ul>")
        if kind != "bullet" and in_list:
            parts.append("</ul>")
        in_list = kind == "bullet"
        tag = {"heading": "h2", "paragraph": "p", "bullet": "li"}[kind]
        parts.append(f"<{tag}>{html.escape(text)}</{tag}>")
    if in_list:
        parts.append("</ul>")
    body = "\n".join(parts)
    return f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><title>Toewijzingsbrief</title></head><body>\n{body}\n</body></html>'


def _latin1(text: str) -> str:
    for old, new in PDF_REPLACEMENTS.items():
        text = text.replace(old, new)
    return text.encode("latin-1", "replace").decode("latin-1")


def _pdf(ctx: HandlerContext, fields: dict) -> bytes:
    pdf = FPDF()
    pdf.set_creation_date(ctx.now)
    pdf.set_title("Toewijzingsbrief levensloopfunctie")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, "Toewijzing levensloopfunctie", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, fields["datum"], new_x="LMARGIN", new_y="NEXT")
    for kind, text in _blocks(fields):
        pdf.ln(2)
        pdf.set_font("Helvetica", "B" if kind == "heading" else "", 12 if kind == "heading" else 10)
        prefix = "- " if kind == "bullet" else ""
        pdf.multi_cell(0, 5, _latin1(prefix + text), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def toewijzingsbrief(ctx: HandlerContext, casus_id, duo, regio, pseudoniem) -> dict:
    """``{"html", "pdf_base64", "filename"}`` of the letter to the assigned duo."""
    fields = _fields(ctx, casus_id, duo, regio, pseudoniem)
    safe_id = re.sub(r"[^A-Za-z0-9_-]", "_", str(casus_id))
    return {
        "html": _html(fields),
        "pdf_base64": base64.b64encode(_pdf(ctx, fields)).decode("ascii"),
        "filename": f"toewijzingsbrief-{safe_id}.pdf",
    }
