interface Entry<T> {
  key: number;
  value: T;
}

/** A binary min-heap keyed by a number: the simulation's calendar of chats about to end. */
export class MinHeap<T> {
  readonly #items: Entry<T>[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(key: number, value: T): void {
    this.#items.push({ key, value });
    let i = this.#items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#key(parent) <= key) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): Entry<T> | undefined {
    const top = this.#items[0];
    const last = this.#items.pop();
    if (top === undefined || last === undefined || this.#items.length === 0) return top;
    this.#items[0] = last;
    const n = this.#items.length;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      let smallest = i;
      if (left < n && this.#key(left) < this.#key(smallest)) smallest = left;
      if (left + 1 < n && this.#key(left + 1) < this.#key(smallest)) smallest = left + 1;
      if (smallest === i) return top;
      this.#swap(i, smallest);
      i = smallest;
    }
  }

  #key(i: number): number {
    return (this.#items[i] as Entry<T>).key;
  }

  #swap(i: number, j: number): void {
    const a = this.#items[i] as Entry<T>;
    this.#items[i] = this.#items[j] as Entry<T>;
    this.#items[j] = a;
  }
}
