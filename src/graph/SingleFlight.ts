/**
 * Concurrent identical reads across operations share one upstream call. A flight stays registered until
 * its leader says `finish` (after writing the cache), so a late arrival finds either the flight or the
 * cached answer, never a gap between the two.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  join(key: string): Promise<T> | undefined {
    return this.flights.get(key);
  }

  start(key: string, flight: Promise<T>): void {
    this.flights.set(key, flight);
  }

  finish(key: string, flight: Promise<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  get size(): number {
    return this.flights.size;
  }
}
