-- Users who follow 50-500 accounts read their first page (50 items).
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
function init() common.init(); users = common.load("timeline_users.tsv") end
function request() return common.get("/api/tweets/tweets_list/", common.pick(users)[4]) end
