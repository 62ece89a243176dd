-- wrk script: replays the name searches of $QUERIES (one per line) under the path $PREFIX,
-- each thread from its own place in the list.
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do
  if #line > 0 then queries[#queries + 1] = line end
end
local prefix = os.getenv("PREFIX")
local counter = 0

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

function init(args)
  position = offset or 0
end

function request()
  position = position % #queries + 1
  return wrk.format("GET", prefix .. encode(queries[position]))
end
