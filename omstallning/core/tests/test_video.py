"""Third-party video: only privacy-enhanced players, and nothing loaded before consent."""

import re
from types import SimpleNamespace

import pytest
from django.test import RequestFactory
from hypothesis import example, given
from hypothesis import strategies as st
from wagtail.blocks import StructBlockValidationError

from omstallning.core.blocks import VideoBlock, video_embed_url

from .factories import StandardPageFactory

EMBED = re.compile(
    r"https://www\.youtube-nocookie\.com/embed/[A-Za-z0-9_-]{11}"
    r"|https://player\.vimeo\.com/video/[0-9]{5,12}\?dnt=1"
)


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
        ),
    ],
)
def test_known_video_links_become_privacy_enhanced_players(url, embed):
    assert video_embed_url(url) == embed


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com.example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%0A",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "https://vimeo.com/١٢٣٤٥٦",
        "https://vimeo.com/channels/staffpicks",
        "http://[youtube.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)",
        "",
    ],
)
def test_other_links_give_no_player(url):
    assert video_embed_url(url) is None


hosts = st.sampled_from(
    [
        "youtube.com",
        "www.youtube.com",
        "m.youtube.com",
        "youtube-nocookie.com",
        "youtu.be",
        "vimeo.com",
        "player.vimeo.com",
        "example.com",
        "youtube.com.example.com",
        "[youtube.com",
        "user@youtube.com",
    ]
)
paths = st.one_of(
    st.sampled_from(["/watch", "/embed/", "/shorts/", "/video/", "/"]),
    st.text(max_size=30),
).flatmap(lambda prefix: st.text(max_size=20).map(lambda rest: prefix + rest))
url_like = st.builds(
    lambda scheme, host, path, query: f"{scheme}{host}{path}{'?' + query if query else ''}",
    st.sampled_from(["https://", "http://", "//", "", "javascript:"]),
    hosts,
    paths,
    st.one_of(st.just(""), st.text(max_size=30), st.text(max_size=20).map(lambda v: "v=" + v)),
)


@given(url=st.one_of(st.text(), url_like))
@example(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ%0A")
@example(url="https://vimeo.com/١٢٣٤٥٦")
@example(url="http://[")
def test_video_embed_url_never_raises_and_only_returns_player_addresses(url):
    embed = video_embed_url(url)

    assert embed is None or EMBED.fullmatch(embed), embed


def render_video(*, third_party: bool | None, rf: RequestFactory) -> str:
    block = VideoBlock()
    value = block.to_python(
        {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Träffpunkt hållbarhet i korthet",
            "transcript": "<p>Textversionen av filmen.</p>",
        }
    )
    # The template context's "consent" is the visitor's consent state, or None before any.
    consent = (
        None if third_party is None else SimpleNamespace(statistics=False, third_party=third_party)
    )
    return block.render(value, context={"request": rf.get("/video/"), "consent": consent})


@pytest.mark.parametrize("third_party", [None, False])
def test_video_is_a_click_to_load_placeholder_without_consent(rf, third_party):
    html = render_video(third_party=third_party, rf=rf)

    assert "<iframe" not in html
    assert "data-video-placeholder" in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert "Godkänn tredjepartstjänster och visa videon" in html
    # The button accepts third-party services through the consent form, then returns here.
    assert 'action="/samtycke/"' in html
    assert '<input type="hidden" name="third_party" value="on">' in html
    assert '<input type="hidden" name="next" value="/video/">' in html
    # A plain link to the video service, and the text version.
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "Textversionen av filmen." in html


def test_video_is_an_iframe_with_third_party_consent(rf):
    html = render_video(third_party=True, rf=rf)

    assert re.search(
        r'<iframe src="https://www\.youtube-nocookie\.com/embed/dQw4w9WgXcQ" '
        r'title="Träffpunkt hållbarhet i korthet"',
        html,
    )
    assert "data-video-placeholder" not in html
    assert "Textversionen av filmen." in html


def test_video_block_rejects_links_to_other_sites_in_swedish():
    block = VideoBlock()

    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(
            block.to_python(
                {"url": "https://example.com/film.mp4", "title": "Film", "transcript": ""}
            )
        )

    messages = [
        str(message) for error in raised.value.block_errors.values() for message in error.messages
    ]
    assert messages == ["Ange en länk till en video på YouTube eller Vimeo."]


def test_page_with_video_loads_the_player_only_after_third_party_consent(site, client):
    StandardPageFactory(
        title="Film om omställning",
        slug="film",
        body=[
            {
                "type": "video",
                "value": {
                    "url": "https://vimeo.com/76979871",
                    "title": "Omställning på fem minuter",
                    "transcript": "",
                },
            }
        ],
    )

    before = client.get("/film/").content.decode()
    client.post("/samtycke/", {"choice": "necessary"}, headers={"accept": "application/json"})
    necessary_only = client.get("/film/").content.decode()
    client.post("/samtycke/", {"choice": "all"}, headers={"accept": "application/json"})
    after = client.get("/film/").content.decode()

    for html in (before, necessary_only):
        assert "<iframe" not in html
        assert "data-video-placeholder" in html
    assert '<iframe src="https://player.vimeo.com/video/76979871?dnt=1"' in after
