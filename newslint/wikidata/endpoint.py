"""Asking the Wikidata query service, with a timeout and errors a user can act on."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from newslint import __version__

USER_AGENT = f"newslint/{__version__} (fact linter; rules import wikidata)"
MAX_RESPONSE_BYTES = 200 * 1024 * 1024


class EndpointError(RuntimeError):
    """The query service could not be reached or did not answer with results."""


def fetch(query: str, endpoint: str, timeout: float) -> str:
    """The SPARQL JSON results of ``query``, as text."""
    if not endpoint.startswith(("https://", "http://")):
        raise EndpointError(f"the endpoint must be an http(s) URL, not '{endpoint}'")
    body = urllib.parse.urlencode({"query": query, "format": "json"}).encode()
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": USER_AGENT,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked above
            data = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip().splitlines()
        hint = f": {detail[0]}" if detail else ""
        raise EndpointError(f"the query service at {endpoint} answered {error.code} {error.reason}{hint}") from None
    except TimeoutError:
        raise EndpointError(f"the query service at {endpoint} did not answer within {timeout:g} s") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise EndpointError(f"the query service at {endpoint} did not answer within {timeout:g} s") from None
        raise EndpointError(f"cannot reach the query service at {endpoint}: {reason}") from None
    except OSError as error:
        raise EndpointError(f"cannot reach the query service at {endpoint}: {error}") from None
    if len(data) > MAX_RESPONSE_BYTES:
        raise EndpointError(f"the answer from {endpoint} is larger than {MAX_RESPONSE_BYTES} bytes")
    return data.decode("utf-8", "replace")
