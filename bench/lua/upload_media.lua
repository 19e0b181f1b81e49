-- POST /api/media/: the same ~1 MB JPEG (bench/MakeJpeg.java) as multipart, by random users.
-- Every upload is checked, stripped and previewed; the bytes are stored once (content hash).
local common = dofile("bench/lua/common.lua")
setup, done = common.setup, common.done
local users
local body
local boundary = "----ravenbench7MA4YWxkTrZu0gW"
function init()
  common.init()
  users = common.load("users.tsv")
  local file = assert(io.open(os.getenv("BENCH_FIXTURES") .. "/upload.jpg", "rb"))
  local jpeg = file:read("*a")
  file:close()
  body = "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="file"; filename="bench.jpg"\r\n'
    .. "Content-Type: image/jpeg\r\n\r\n" .. jpeg .. "\r\n"
    .. "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="description"\r\n\r\nA benchmark picture\r\n'
    .. "--" .. boundary .. "--\r\n"
end
function request()
  return wrk.format("POST", "/api/media/", {
    ["Authorization"] = "JWT " .. common.pick(users)[4],
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, body)
end
