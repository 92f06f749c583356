-- wrk script: POST a signature with a unique email per request.
-- Env: BENCH_PREFIX (unique per wrk process), BENCH_SLUGS (comma-separated petition slugs, round-robin).
-- Each request speaks for its own client address (X-Forwarded-For, honoured because the app runs with
-- TRUSTED_PROXIES=127.0.0.1/32): a viral moment is many people on many addresses, not one client, which the
-- per-client limits would rightly shadow-ban after 30.
local prefix = os.getenv("BENCH_PREFIX") or "bench"
local slugs = {}
for s in string.gmatch(os.getenv("BENCH_SLUGS") or "drop-the-charges", "[^,]+") do slugs[#slugs + 1] = s end
local counter = 0
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json" }

request = function()
  counter = counter + 1
  local slug = slugs[(counter % #slugs) + 1]
  local body = "name=Bench+Signer&locale=ru&email=" .. prefix .. "-" .. counter .. "%40example.org"
  headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.floor(counter / 256) % 256, counter % 256)
  return wrk.format("POST", "/api/v1/petitions/" .. slug .. "/signatures", headers, body)
end

dofile((os.getenv("BENCH_DIR") or "bench/sign") .. "/report.lua")
