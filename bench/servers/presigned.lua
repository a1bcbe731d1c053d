-- wrk script: replays POST /v1/messaging requests signed ahead of time (a fresh nonce each), from
-- the file the telesign bench writes: one "date<TAB>nonce<TAB>authorization" line per request.
local requests = {}
local next_index = 0

function init(args)
  local body = args[2]
  for line in io.lines(args[1]) do
    local date, nonce, auth = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)")
    requests[#requests + 1] = wrk.format("POST", "/v1/messaging", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Date"] = date,
      ["x-ts-auth-method"] = "HMAC-SHA256",
      ["x-ts-nonce"] = nonce,
      ["Authorization"] = auth,
    }, body)
  end
end

function request()
  next_index = next_index + 1
  -- Past the end the nonces repeat: the fake refuses them (-30012) and wrk counts non-2xx answers.
  return requests[(next_index - 1) % #requests + 1]
end
