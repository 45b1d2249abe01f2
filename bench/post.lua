-- wrk script: JSON create, POST {url} with body {} (the URL carries ?instanceOwnerPartyId=...).
-- A static request: wrk builds it once, so the client side costs as little as possible.
-- The Authorization header is passed on the wrk command line (-H).
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
