"""KaTeX's style attributes become classes of a generated stylesheet (the CSP allows no
inline style): one class per distinct style, named by its hash, as strong as inline."""

from __future__ import annotations

import pytest

from macros.render.katex_styles import StyleError, Styles


def test_a_style_becomes_a_class_beside_the_element_own_classes() -> None:
    styles = Styles()
    out = styles.classed(
        '<span class="vlist" style="height:0.69em;"><span style="top:-2.6em;margin-right:0.05em;">'
        "b</span></span>"
    )
    high, top = styles.name("height:0.69em;"), styles.name("top:-2.6em;margin-right:0.05em;")
    assert out == f'<span class="vlist {high}"><span class="{top}">b</span></span>'
    rules = {
        f".{high}{{height:0.69em!important}}",
        f".{top}{{top:-2.6em!important;margin-right:0.05em!important}}",
    }
    assert styles.css().splitlines() == sorted(rules)  # in a stable order


def test_identical_styles_share_one_class_and_names_do_not_depend_on_order() -> None:
    one, two = Styles(), Styles()
    a = one.classed('<span style="height:1em;"></span><i style="height:1em;"></i>')
    two.classed('<b style="width:2em;"></b>')
    b = two.classed('<span style="height:1em;"></span>')
    assert a.count(one.name("height:1em;")) == 2 and len(one.names) == 1
    assert one.name("height:1em;") == two.name("height:1em;") and b in a


def test_attributes_that_merely_end_in_style_are_left_alone() -> None:
    mathml = '<mstyle scriptlevel="0" displaystyle="false"><mn>1</mn></mstyle>'
    assert Styles().classed(mathml) == mathml


def test_a_style_that_could_break_out_of_its_rule_is_refused() -> None:
    for bad in ("color:red}body{display:none", "x", "background:url(&quot;x&quot;)"):
        with pytest.raises(StyleError, match="unexpected style"):
            Styles().classed(f'<span style="{bad}"></span>')


def test_a_style_in_a_form_the_module_does_not_rewrite_is_refused() -> None:
    for left in ("<span style='height:1em'>", '<span style="x</style>">', "<b STYLE = x>"):
        with pytest.raises(StyleError, match="left in KaTeX's HTML"):
            Styles().classed(left + "</span>")
