-- wrk script: replays the request paths of $PATHS (one per line), each thread from its own place.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

function init(args)
  position = offset or 0
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
