-- wrk script: GET one path (BENCH_PATH), with the Host header BENCH_HOST when given (the app redirects any other
-- host name than APP_URL's, so a bench talking to a process behind a proxy's address must name the proxy's).
local path = os.getenv("BENCH_PATH") or "/api/v1/health"
local host = os.getenv("BENCH_HOST")
local headers = host and { ["Host"] = host } or {}
request = function() return wrk.format("GET", path, headers) end

dofile((os.getenv("BENCH_DIR") or "bench/sign") .. "/report.lua")
