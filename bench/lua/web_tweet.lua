-- A tweet page: the tweet, its first 20 replies and the reply box.
local common = dofile("bench/lua/web_common.lua")
setup, done = common.setup, common.done
local users, tweets
function init() common.init(); users = common.load("web_users.tsv"); tweets = common.load("tweets.tsv") end
function request() return common.page("/tweets/" .. common.pick(tweets)[1], common.pick(users)[2]) end
