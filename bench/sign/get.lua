-- wrk script: GET one path (BENCH_PATH).
local path = os.getenv("BENCH_PATH") or "/api/v1/health"
request = function() return wrk.format("GET", path) end

dofile((os.getenv("BENCH_DIR") or "bench/sign") .. "/report.lua")
