-- The home page (20 timeline items, HTML) of readers following 50-500 accounts.
local common = dofile("bench/lua/web_common.lua")
setup, done = common.setup, common.done
local users
function init() common.init(); users = common.load("web_users.tsv") end
function request() return common.page("/", common.pick(users)[2]) end
