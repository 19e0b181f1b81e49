-- GET /media/...: a public tweet's picture and its preview, half the requests revalidating
-- with If-None-Match (304, no body), half fetching it (200). No token: as an <img> would.
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local pictures
local n = 0
function init() common.init(); pictures = common.load("media.tsv") end
function request()
  n = n + 1
  local p = common.pick(pictures) -- path, etag
  if n % 2 == 0 then
    return wrk.format("GET", p[1], { ["If-None-Match"] = p[2] })
  end
  return wrk.format("GET", p[1])
end
