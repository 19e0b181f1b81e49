local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
function init() common.init(); users = common.load("users.tsv") end
function request() return common.get("/api/tweets/get_top/", common.pick(users)[4]) end
