-- wrk script: POST a signature with a unique email per request.
-- Env: BENCH_PREFIX (unique per wrk process), BENCH_SLUGS (comma-separated petition slugs, round-robin).
local prefix = os.getenv("BENCH_PREFIX") or "bench"
local slugs = {}
for s in string.gmatch(os.getenv("BENCH_SLUGS") or "drop-the-charges", "[^,]+") do slugs[#slugs + 1] = s end
local counter = 0
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json" }

request = function()
  counter = counter + 1
  local slug = slugs[(counter % #slugs) + 1]
  local body = "name=Bench+Signer&locale=ru&email=" .. prefix .. "-" .. counter .. "%40example.org"
  return wrk.format("POST", "/api/v1/petitions/" .. slug .. "/signatures", headers, body)
end

dofile((os.getenv("BENCH_DIR") or "bench/sign") .. "/report.lua")
