/**
 * The Redis twin of MemoryRateBudget.acquire, atomic across processes: a sorted set per tenant whose scores
 * are slot times (possibly in the future), the same single jump as earliestSlotTime. Redis' own clock is
 * the time base so processes with skewed clocks still share one window; the caller gets back how long to
 * wait, not a timestamp.
 *
 * KEYS[1] the tenant's set. ARGV: windowMs, limit, slots, maxWaitMs, unique member prefix.
 * Returns {1, waitMs} when reserved, {0, waitMs} when the wait would exceed maxWaitMs (nothing reserved).
 */
export const reserveSlotsScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local slots = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local taken = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local count = #taken / 2
local at = now
if count > 0 and tonumber(taken[count * 2]) > at then at = tonumber(taken[count * 2]) end
local first = 1
while first <= count and tonumber(taken[first * 2]) <= at - windowMs do first = first + 1 end
local overflow = (count - first + 1) + slots - limit
if overflow > 0 then at = tonumber(taken[(first + overflow - 1) * 2]) + windowMs end
if at - now > maxWait then return {0, at - now} end
for i = 1, slots do redis.call('ZADD', KEYS[1], at, ARGV[5] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], at - now + windowMs + 1000)
return {1, at - now}
`;
