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

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx_3xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
