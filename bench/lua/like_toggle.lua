-- Random users toggle likes on random public tweets (each call likes or unlikes).
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users, tweets
function init() common.init(); users = common.load("users.tsv"); tweets = common.load("tweets.tsv") end
function request()
  return common.send("PUT", "/api/tweets/liked_tweets_list/" .. common.pick(tweets)[1] .. "/", common.pick(users)[4])
end
