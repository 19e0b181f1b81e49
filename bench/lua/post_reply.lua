local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users, tweets
local n = 0
function init() common.init(); users = common.load("users.tsv"); tweets = common.load("tweets.tsv") end
function request()
  n = n + 1
  local body = string.format('{"content":"benchmark reply %d"}', n)
  return common.send("POST", "/api/tweets/replies/replies_list/" .. common.pick(tweets)[1] .. "/",
    common.pick(users)[4], body)
end
