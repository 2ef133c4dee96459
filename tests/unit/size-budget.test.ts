import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetFor, budgets } from '../../scripts/size-budget.js';

describe('page-weight budgets (scripts/size-budget.js)', () => {
	it('give every budget a reason and sizes a page could meet', () => {
		for (const [route, b] of Object.entries(budgets)) {
			expect(b.why.length, route).toBeGreaterThan(15);
			expect(b.js, route).toBeGreaterThan(10);
			expect(b.html, route).toBeGreaterThan(1);
		}
	});

	it.each([
		{ route: '/lessons/principles-first', expected: '/lessons/*' },
		{ route: '/lessons/west-africa-sahel', expected: '/lessons/west-africa-sahel' },
		{ route: '/teach/:token', expected: '/teach/:token' },
		{ route: '/somewhere-new', expected: 'default' }
	])('$route is held to the budget of $expected', ({ route, expected }) => {
		expect(budgetFor(route)).toBe(budgets[expected]);
	});

	it('names every lesson that shows a chart (they are heavier than the shared lesson budget)', () => {
		for (const file of readdirSync('lessons').filter((f) => f.endsWith('.md'))) {
			const text = readFileSync(`lessons/${file}`, 'utf8');
			const route = `/lessons/${file.replace(/\.md$/, '')}`;
			if (/<Lesson(Map|Timeline)\b/.test(text)) expect(budgets[route], route).toBeDefined();
		}
	});
});
