-- GET /health: one database round trip, no authentication (what load balancers poll).
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
function init() common.init() end
function request() return wrk.format("GET", "/health") end
