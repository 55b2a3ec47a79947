from tracker.recognition.links import canonical, meta_links, shown_url_mismatch, unwrap
from tracker.recognition.parse import Link

FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
IG_FORM = "https://help.instagram.com/contact/767264225370182"


def test_notification_wrapper_carries_the_path_as_first_query_item():
    url = ("https://www.facebook.com/n/?help%2Fcontact%2F712876720715583&aref=1716800000"
           "&medium=email&mid=61a1b2c3d4&bcode=2.1716800000.AbzXyz&n_m=anna%40example.org")
    assert canonical(unwrap(url)) == FB_FORM


def test_outbound_wrappers_nested_twice_are_unwrapped():
    inner = "https%3A%2F%2Fhelp.instagram.com%2Fcontact%2F767264225370182%3Futm_source%3Dmail"
    once = f"https://l.instagram.com/?u={inner}&e=AT1xyz"
    from urllib.parse import quote

    twice = f"https://l.facebook.com/l.php?u={quote(once, safe='')}&h=AT0abc"
    assert canonical(unwrap(twice)) == IG_FORM


def test_localized_and_mobile_hosts_map_to_the_canonical_form():
    for host in ("fr-fr.facebook.com", "m.facebook.com", "web.facebook.com", "de-de.facebook.com"):
        assert canonical(f"http://{host}/help/contact/712876720715583/?ref=x#top") == FB_FORM
    assert canonical("https://www.instagram.com/help/contact/767264225370182") == IG_FORM


def test_tracking_parameters_are_dropped_and_others_kept():
    url = canonical("https://www.facebook.com/privacy/policy/?utm_source=a&aref=1&section_id=9&__cft__[0]=x")
    assert url == "https://www.facebook.com/privacy/policy?section_id=9"


def test_roles_and_only_meta_hosts_are_kept():
    links = meta_links([
        Link(FB_FORM), Link("https://www.facebook.com/help/contact/510058597920541"),
        Link("https://www.facebook.com/privacy/policy/"), Link("https://accountscenter.facebook.com/"),
        Link("https://evil.example/help/contact/712876720715583"),
        Link("https://facebook.com.evil.example/help/contact/712876720715583"),
        Link(FB_FORM + "?ref=dup"),
    ])
    roles = {link.url: link.role for link in links}
    assert roles == {
        FB_FORM: "objection_form",
        "https://www.facebook.com/help/contact/510058597920541": "third_party_form",
        "https://www.facebook.com/privacy/policy": "privacy_policy",
        "https://accountscenter.facebook.com/": "privacy_policy",
    }


def test_link_text_showing_meta_over_a_foreign_target_is_caught():
    lure = Link("https://meta-privacy-center.com/object", text=FB_FORM)
    assert shown_url_mismatch(lure) == FB_FORM
    assert shown_url_mismatch(Link(FB_FORM, text=FB_FORM)) is None
    assert shown_url_mismatch(Link("https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org", "right to object")) is None


def test_a_wrapper_shown_as_it_is_names_its_target_and_is_no_lure():
    # blind6 fr_20: Meta's comment notification shows the l.facebook.com link of a news article.
    shim = "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.example-actu.fr%2Fmeta-ia&h=AT9a3e"
    assert shown_url_mismatch(Link(shim, text=shim)) is None
    # A wrapper shown over a different target is still the lure it was.
    shown = "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fhelp%2Fcontact%2F712876720715583"
    assert shown_url_mismatch(Link("https://meta-privacy-center.com/object", text=shown))
    assert shown_url_mismatch(Link("https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example", text=FB_FORM))


def test_garbage_is_not_a_url():
    assert canonical("mailto:someone@example.org") is None
    assert canonical("http://[broken") is None
    assert meta_links([Link("javascript:alert(1)"), Link("")]) == []


def test_a_meta_link_offered_as_the_objection_is_the_objection_link():
    links = [Link("https://help.meta.com/support/privacy/?ref=mail", "right to object"),
             Link("https://www.facebook.com/privacy/policy/", "Privacy Policy"),
             Link("https://www.facebook.com/some/new/form", "widersprechen"),
             Link("https://www.facebook.com/groups/123", "Join the group")]
    found = {m.url: m.role for m in meta_links(links, object_text=lambda t: "object" in t or "widersprech" in t)}
    assert found == {"https://help.meta.com/support/privacy/": "objection_form",
                     "https://www.facebook.com/privacy/policy": "privacy_policy",
                     "https://www.facebook.com/some/new/form": "objection_form",
                     "https://www.facebook.com/groups/123": "other"}
    # help.meta.com's privacy support page is the objection link by its address alone (FG 2026)
    (page,) = meta_links([Link("https://help.meta.com/support/privacy/", "here")])
    assert page.role == "objection_form"
    # a link elsewhere stays dropped whatever its text says
    assert meta_links([Link("https://evil.example/object", "right to object")], object_text=lambda t: True) == []
