import type { Picking } from './bank';

/** Bank questions chosen in the picker, in the order they were chosen (no id twice). */
export class BankSelection implements Picking {
	picked: string[] = $state([]);

	add(ids: string[]) {
		this.picked = [...this.picked, ...ids.filter((id) => !this.picked.includes(id))];
	}

	remove(ids: string[]) {
		this.picked = this.picked.filter((id) => !ids.includes(id));
	}
}
