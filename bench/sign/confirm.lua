-- wrk script: POST confirmations, one token per request, read from BENCH_TOKENS (a file, one token a line).
-- Each wrk process gets its own file, so no token is used twice while the file lasts.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json" }

request = function()
  i = i + 1
  local token = tokens[((i - 1) % #tokens) + 1]
  return wrk.format("POST", "/api/v1/signatures/confirm", headers, "locale=ru&token=" .. token)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx_3xx":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
