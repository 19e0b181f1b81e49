local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users, tweets
function init() common.init(); users = common.load("users.tsv"); tweets = common.load("tweets.tsv") end
function request()
  return common.get("/api/tweets/replies/replies_list/" .. common.pick(tweets)[1] .. "/", common.pick(users)[4])
end
