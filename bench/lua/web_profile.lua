-- A profile page: header, counts and the person's 20 newest tweets.
local common = dofile("bench/lua/web_common.lua")
setup, done = common.setup, common.done
local users, people
function init() common.init(); users = common.load("web_users.tsv"); people = common.load("users.tsv") end
function request() return common.page("/users/" .. common.pick(people)[1], common.pick(users)[2]) end
