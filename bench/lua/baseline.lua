-- The cheapest route through the whole pipeline: the ratio denominator.
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
function init() common.init() end
function request() return wrk.format("GET", "/api/instance/") end
