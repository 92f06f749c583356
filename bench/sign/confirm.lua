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

dofile((os.getenv("BENCH_DIR") or "bench/sign") .. "/report.lua")
