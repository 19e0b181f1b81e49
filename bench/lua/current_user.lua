local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
function init() common.init(); users = common.load("users.tsv") end
function request() return common.get("/api/auth/user/current_user/", common.pick(users)[4]) end
