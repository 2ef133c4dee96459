import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/content';
import { grade } from '$lib/quiz/grade';
import { safeId, toQtiPackage, xmlEscape } from '$lib/server/exports/qti';
import type { ExportLabels } from '$lib/server/exports/labels';
import { opt, questionsOfEachType } from '../fixtures/questions';

const { single, multiple, truefalse, ordering, matching, cloze, locate } = questionsOfEachType({
	base: { prompt: 'Which?' },
	truefalse: {
		statement: 'The text names the camp.',
		feedback: { correct: 'Right.', incorrect: 'Not so.' },
		why: 'Because.'
	},
	matching: {
		pairs: [
			{ left: 'L one', right: 'R one', feedback: 'f1' },
			{ left: 'L two', right: 'R shared', feedback: 'f2' },
			{ left: 'L three', right: 'R shared', feedback: 'f3' },
			{ left: 'L four', right: 'R four', feedback: 'f4' }
		]
	},
	cloze: {
		answers: ['prior consent', 'Prior Consent', 'consent beforehand'],
		feedback: { correct: 'Yes.', incorrect: 'No.' }
	},
	locate: {
		options: [
			{ place: 'raqqa', feedback: 'not raqqa' },
			{ place: 'baghuz', feedback: 'right place' }
		]
	}
});
const all = [single, multiple, truefalse, ordering, matching, cloze, locate];

const places: Record<string, string> = { baghuz: 'Al-Baghuz Fawqani', raqqa: 'Raqqa' };
const labels: ExportLabels = {
	placeName: (id) => places[id] ?? id,
	eventTitle: (id) => `Event ${id.slice(1)}`
};

// Elements that may repeat are always arrays, so the tests index them the same way.
const REPEATED = new Set([
	'resource',
	'file',
	'dependency',
	'assessmentItemRef',
	'value',
	'mapEntry',
	'simpleChoice',
	'simpleMatchSet',
	'simpleAssociableChoice',
	'modalFeedback',
	'p',
	'responseCondition'
]);
const parser = new XMLParser({
	ignoreAttributes: false,
	parseTagValue: false,
	isArray: (name) => REPEATED.has(name)
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;

function open(qs: Question[], title = 'Week 3') {
	const { zip, skipped } = toQtiPackage(title, qs, labels);
	const raw = Object.fromEntries(
		Object.entries(unzipSync(zip)).map(([path, bytes]) => [path, strFromU8(bytes)])
	);
	for (const [path, xml] of Object.entries(raw))
		expect(XMLValidator.validate(xml), `${path} is well-formed`).toBe(true);
	const xml = (path: string): Node => parser.parse(raw[path]);
	const manifest = xml('imsmanifest.xml').manifest;
	const resources: Node[] = manifest.resources.resource;
	const itemOf = (id: string): Node => {
		const res = resources.find(
			(r) =>
				r['@_type'] === 'imsqti_item_xmlv2p1' && xml(r['@_href']).assessmentItem['@_title'] === id
		);
		return res && xml(res['@_href']).assessmentItem;
	};
	return { raw, skipped, manifest, resources, xml, itemOf };
}
const values = (node: Node): string[] => node?.value ?? [];
const correctOf = (item: Node) => values(item.responseDeclaration.correctResponse);
const choiceText = (choices: Node[], id: string) =>
	choices.find((c: Node) => c['@_identifier'] === id)['#text'];

describe('safeId', () => {
	it.each<{ input: string; expected: string }>([
		{ input: 'q-single', expected: 'q-single' },
		{ input: 'ws.cloze_1', expected: 'ws.cloze_1' },
		{ input: 'q 1/é:x', expected: 'q_1___x' },
		{ input: '1abc', expected: '_1abc' },
		{ input: '-a', expected: '_-a' },
		{ input: '.a', expected: '_.a' },
		{ input: '', expected: '_' },
		{ input: '<script>', expected: '_script_' }
	])('$input → $expected', ({ input, expected }) => {
		expect(safeId(input)).toBe(expected);
		expect(safeId(input)).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
	});
});

describe('xmlEscape', () => {
	it.each<{ input: string; expected: string }>([
		{ input: 'a & b', expected: 'a &amp; b' },
		{ input: '<p>', expected: '&lt;p&gt;' },
		{ input: `"it's"`, expected: '&quot;it&apos;s&quot;' },
		{ input: '&amp;', expected: '&amp;amp;' },
		{ input: 'bell\u0007 and nul\u0000', expected: 'bell and nul' },
		{ input: 'emoji 🌍 kept, lone \uD800 dropped', expected: 'emoji 🌍 kept, lone  dropped' }
	])('$input', ({ input, expected }) => {
		expect(xmlEscape(input)).toBe(expected);
	});
});

describe('toQtiPackage', () => {
	it('the manifest lists the test and every item, and each listed file is in the zip', () => {
		const { raw, resources, manifest, skipped } = open(all);
		expect(skipped).toEqual([]);
		expect(manifest['@_xmlns']).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
		const items = resources.filter((r) => r['@_type'] === 'imsqti_item_xmlv2p1');
		const tests = resources.filter((r) => r['@_type'] === 'imsqti_test_xmlv2p1');
		expect(items).toHaveLength(all.length);
		expect(tests).toHaveLength(1);
		expect(tests[0]['@_href']).toBe('test.xml');
		for (const r of resources) {
			expect(r.file.map((f: Node) => f['@_href'])).toEqual([r['@_href']]);
			expect(raw[r['@_href']]).toBeDefined();
		}
		expect(Object.keys(raw).sort()).toEqual(
			['imsmanifest.xml', ...resources.map((r) => r['@_href'])].sort()
		);
		expect(items.every((r) => /^items\/[A-Za-z_][A-Za-z0-9._-]*\.xml$/.test(r['@_href']))).toBe(
			true
		);
		// The test depends on every item resource.
		expect(tests[0].dependency.map((d: Node) => d['@_identifierref'])).toEqual(
			items.map((r) => r['@_identifier'])
		);
	});

	it('test.xml refers to every item, in order', () => {
		const { xml, resources } = open(all, 'Week 3 & 4');
		const test = xml('test.xml').assessmentTest;
		expect(test['@_xmlns']).toBe('http://www.imsglobal.org/xsd/imsqti_v2p1');
		expect(test['@_title']).toBe('Week 3 & 4');
		const refs = test.testPart.assessmentSection.assessmentItemRef.map((r: Node) => r['@_href']);
		expect(refs).toEqual(
			resources.filter((r) => r['@_type'] === 'imsqti_item_xmlv2p1').map((r) => r['@_href'])
		);
		const titles = refs.map((href: string) => xml(href).assessmentItem['@_title']);
		expect(titles).toEqual(all.map((q) => q.id));
	});

	it('every item: namespace, identifier, title, not adaptive, not time dependent', () => {
		const { itemOf } = open(all);
		for (const q of all) {
			const item = itemOf(q.id);
			expect(item['@_xmlns']).toBe('http://www.imsglobal.org/xsd/imsqti_v2p1');
			expect(item['@_identifier']).toBe(q.id);
			expect(item['@_adaptive']).toBe('false');
			expect(item['@_timeDependent']).toBe('false');
		}
	});

	it('single choice: one right option, match_correct', () => {
		const item = open([single]).itemOf('q-single');
		expect(item.responseDeclaration['@_cardinality']).toBe('single');
		expect(item.responseDeclaration['@_baseType']).toBe('identifier');
		expect(correctOf(item)).toEqual(['b']);
		const interaction = item.itemBody.choiceInteraction;
		expect(interaction['@_maxChoices']).toBe('1');
		expect(interaction.prompt).toBe('Which?');
		expect(interaction.simpleChoice.map((c: Node) => c['#text'])).toEqual([
			'text a',
			'text b',
			'text c'
		]);
		expect(item.responseProcessing['@_template']).toBe(
			'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct'
		);
	});

	it('multiple response: every right option, map_response, lower bound 0', () => {
		const item = open([multiple]).itemOf('q-multi');
		const decl = item.responseDeclaration;
		expect(decl['@_cardinality']).toBe('multiple');
		expect(correctOf(item)).toEqual(['a', 'b']);
		expect(item.itemBody.choiceInteraction['@_maxChoices']).toBe('0');
		expect(decl.mapping['@_lowerBound']).toBe('0');
		expect(
			decl.mapping.mapEntry.map((e: Node) => [e['@_mapKey'], Number(e['@_mappedValue'])])
		).toEqual([
			['a', 0.5],
			['b', 0.5],
			['c', -0.5],
			['d', -0.5]
		]);
		expect(item.responseProcessing['@_template']).toBe(
			'http://www.imsglobal.org/question/qti_v2p1/rptemplates/map_response'
		);
	});

	it.each([
		{ right: 2, wrong: 2 },
		{ right: 3, wrong: 2 },
		{ right: 2, wrong: 3 },
		{ right: 1, wrong: 4 }
	])(
		'multiple response ($right right, $wrong wrong): the mapping scores every choice as grade() does',
		({ right, wrong }) => {
			const q: Question = {
				...multiple,
				options: [
					...Array.from({ length: right }, (_, i) => opt(`r${i}`, true)),
					...Array.from({ length: wrong }, (_, i) => opt(`w${i}`, false))
				]
			};
			const mapping = open([q]).itemOf(q.id).responseDeclaration.mapping;
			const mapped = new Map<string, number>(
				mapping.mapEntry.map((e: Node) => [e['@_mapKey'], Number(e['@_mappedValue'])])
			);
			const ids = q.options.map((o) => o.id);
			for (let mask = 0; mask < 1 << ids.length; mask++) {
				const choices = ids.filter((_, i) => mask & (1 << i));
				const sum = choices.reduce((s, c) => s + mapped.get(c)!, 0);
				const qti = Math.min(1, Math.max(Number(mapping['@_lowerBound']), sum));
				expect(qti).toBeCloseTo(grade(q, { type: 'multiple', choices }).score, 2);
			}
		}
	);

	it('true/false: choices True and False, the right one as the answer', () => {
		const item = open([truefalse]).itemOf('q-tf');
		const choices = item.itemBody.choiceInteraction.simpleChoice;
		expect(choices.map((c: Node) => c['#text'])).toEqual(['True', 'False']);
		expect(choiceText(choices, correctOf(item)[0])).toBe('False');
		expect(item.itemBody.choiceInteraction.prompt).toBe('The text names the camp.');
		expect(item.itemBody.p).toEqual(['Which?']);
		const trueItem = open([{ ...truefalse, answer: true }]).itemOf('q-tf');
		expect(choiceText(choices, correctOf(trueItem)[0])).toBe('True');
	});

	it('cloze: a text entry in place of the blank; every answer mapped, ignoring case', () => {
		const { raw, itemOf } = open([cloze]);
		const item = itemOf('q-cloze');
		const decl = item.responseDeclaration;
		expect(decl['@_cardinality']).toBe('single');
		expect(decl['@_baseType']).toBe('string');
		expect(correctOf(item)).toEqual(['prior consent']);
		// "Prior Consent" differs only in case, so it is the same entry.
		expect(
			decl.mapping.mapEntry.map((e: Node) => [
				e['@_mapKey'],
				e['@_mappedValue'],
				e['@_caseSensitive']
			])
		).toEqual([
			['prior consent', '1', 'false'],
			['consent beforehand', '1', 'false']
		]);
		const ordered = new XMLParser({
			ignoreAttributes: false,
			preserveOrder: true,
			trimValues: false
		});
		const file = Object.keys(raw).find((k) => k.startsWith('items/'))!;
		const body = JSON.stringify(ordered.parse(raw[file]));
		expect(body).toContain(
			'{"#text":"upon the request and "},{"textEntryInteraction":[],":@":{"@_responseIdentifier":"RESPONSE"'
		);
		expect(body).toContain('{"#text":" of the countries concerned"}');
		expect(item.responseProcessing['@_template']).toMatch(/map_response$/);
	});

	it('matching: two match sets and the pairs as directedPairs; a shared right item once', () => {
		const item = open([matching]).itemOf('q-match');
		expect(item.responseDeclaration['@_baseType']).toBe('directedPair');
		expect(item.responseDeclaration['@_cardinality']).toBe('multiple');
		const [sources, targets] = item.itemBody.matchInteraction.simpleMatchSet.map(
			(s: Node) => s.simpleAssociableChoice
		);
		expect(targets).toHaveLength(3);
		const pairs = correctOf(item).map((v) => {
			const [from, to] = v.split(' ');
			return { left: choiceText(sources, from), right: choiceText(targets, to) };
		});
		expect(pairs).toEqual(matching.pairs.map(({ left, right }) => ({ left, right })));
		expect(item.itemBody.matchInteraction['@_maxAssociations']).toBe('4');
		// Each pair is worth a quarter, as in grade().
		expect(item.responseDeclaration.mapping.mapEntry.map((e: Node) => e['@_mappedValue'])).toEqual([
			'0.25',
			'0.25',
			'0.25',
			'0.25'
		]);
	});

	it('ordering: events by title, the right order as the answer, written out of order', () => {
		const item = open([ordering]).itemOf('q-order');
		const decl = item.responseDeclaration;
		expect(decl['@_cardinality']).toBe('ordered');
		expect(decl['@_baseType']).toBe('identifier');
		expect(correctOf(item)).toEqual(['e1', 'e2', 'e3', 'e4']);
		const choices = item.itemBody.orderInteraction.simpleChoice;
		expect(correctOf(item).map((id) => choiceText(choices, id))).toEqual([
			'Event 1',
			'Event 2',
			'Event 3',
			'Event 4'
		]);
		expect(choices.map((c: Node) => c['@_identifier'])).not.toEqual(['e1', 'e2', 'e3', 'e4']);
		expect(item.itemBody.orderInteraction['@_shuffle']).toBe('true');
	});

	it('locate: a choice over place names', () => {
		const item = open([locate]).itemOf('q-locate');
		const choices = item.itemBody.choiceInteraction.simpleChoice;
		expect(choices.map((c: Node) => c['#text'])).toEqual(['Raqqa', 'Al-Baghuz Fawqani']);
		expect(choiceText(choices, correctOf(item)[0])).toBe('Al-Baghuz Fawqani');
	});

	it.each<{ prompt: string; expected: string }>([
		{ prompt: 'Select it on the map.', expected: 'Choose it from the list.' },
		{ prompt: 'On the map, where did it end?', expected: 'Where did it end?' },
		{ prompt: 'Tap that city on the map.', expected: 'Choose that city from the list.' },
		{ prompt: 'Which town?', expected: 'Which town?' }
	])(
		'locate: the prompt asks a choice among places, not the map: $prompt',
		({ prompt, expected }) => {
			const item = open([{ ...locate, prompt }]).itemOf('q-locate');
			expect(item.itemBody.choiceInteraction.prompt).toBe(expected);
		}
	);

	it('feedback: modalFeedback for correct and incorrect, set by responseProcessing', () => {
		const { itemOf } = open(all);
		const feedback = (id: string) =>
			Object.fromEntries(
				itemOf(id).modalFeedback.map((m: Node) => {
					expect(m['@_outcomeIdentifier']).toBe('FEEDBACK');
					expect(m['@_showHide']).toBe('show');
					return [m['@_identifier'], m.p];
				})
			);
		expect(feedback('q-single')).toEqual({ correct: ['fb b'], incorrect: ['fb a', 'fb c'] });
		expect(feedback('q-multi')).toEqual({ correct: ['fb a', 'fb b'], incorrect: ['fb c', 'fb d'] });
		expect(feedback('q-tf')).toEqual({
			correct: ['Right.', 'Because.'],
			incorrect: ['Not so.', 'Because.']
		});
		expect(feedback('q-cloze')).toEqual({ correct: ['Yes.'], incorrect: ['No.'] });
		expect(feedback('q-order')).toEqual({ correct: ['in order'], incorrect: ['not in order'] });
		expect(feedback('q-locate')).toEqual({ correct: ['right place'], incorrect: ['not raqqa'] });
		for (const q of all) {
			const item = itemOf(q.id);
			expect(item.outcomeDeclaration.map((o: Node) => o['@_identifier'])).toEqual([
				'SCORE',
				'FEEDBACK'
			]);
			const set = JSON.stringify(item.responseProcessing);
			expect(set).toContain('"@_identifier":"FEEDBACK"');
			expect(set).toContain('"#text":"correct"');
			expect(set).toContain('"#text":"incorrect"');
		}
	});

	it('text with <, &, and quotes round-trips exactly', () => {
		const nasty = `5 < 6 & 7 > 2, "double" and 'single' &amp; <b>not bold</b>`;
		const q: Question = {
			...single,
			id: `odd "id" & <more>`,
			prompt: nasty,
			options: [
				{ id: 'a', text: nasty, correct: true, feedback: nasty },
				{ id: 'b', text: 'other', correct: false, feedback: 'x' }
			]
		};
		const c: Question = { ...cloze, id: 'c', answers: [nasty], text: `${nasty} ___ ${nasty}` };
		const { itemOf } = open([q, c], nasty);
		const item = itemOf(q.id);
		expect(item['@_title']).toBe(q.id);
		expect(item.itemBody.choiceInteraction.prompt).toBe(nasty);
		expect(item.itemBody.choiceInteraction.simpleChoice[0]['#text']).toBe(nasty);
		expect(item.modalFeedback[0].p).toEqual([nasty]);
		expect(correctOf(itemOf('c'))).toEqual([nasty]);
		expect(itemOf('c').responseDeclaration.mapping.mapEntry[0]['@_mapKey']).toBe(nasty);
	});

	it('odd ids become valid, distinct NCNames and file names', () => {
		const qs: Question[] = [
			{ ...single, id: 'q 1/é:x' },
			{ ...single, id: 'q_1___x' },
			{ ...single, id: '1st' },
			{ ...single, id: 'Case' },
			{ ...single, id: 'case' },
			{
				...single,
				id: 'opts',
				options: [opt('a b', false), opt('a_b', true), opt('9', false)]
			},
			{ ...ordering, id: 'ord', events: ['e 1', 'e:2', '3rd'] }
		];
		const { itemOf, resources, raw } = open(qs);
		const ncname = /^[A-Za-z_][A-Za-z0-9._-]*$/;
		const ids = qs.map((q) => itemOf(q.id)['@_identifier']);
		expect(ids.every((id) => ncname.test(id))).toBe(true);
		expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(qs.length);
		const files = resources.map((r) => r['@_href'].toLowerCase());
		expect(new Set(files).size).toBe(files.length);
		expect(Object.keys(raw)).toHaveLength(qs.length + 2);
		const choices = itemOf('opts').itemBody.choiceInteraction.simpleChoice;
		const choiceIds = choices.map((c: Node) => c['@_identifier']);
		expect(choiceIds.every((id: string) => ncname.test(id))).toBe(true);
		expect(new Set(choiceIds).size).toBe(3);
		expect(choiceText(choices, correctOf(itemOf('opts'))[0])).toBe('text a_b');
		const order = itemOf('ord');
		expect(correctOf(order).every((id) => ncname.test(id))).toBe(true);
		expect(
			correctOf(order).map((id) => choiceText(order.itemBody.orderInteraction.simpleChoice, id))
		).toEqual(['Event  1', 'Event :2', 'Event rd']);
	});

	it('skips a question it cannot express, with a reason, and still lists the rest', () => {
		const broken: Question = { ...single, id: 'broken', options: [opt('a', false)] };
		const { skipped, resources } = open([single, broken]);
		expect(skipped).toEqual([{ id: 'broken', reason: expect.any(String) }]);
		expect(resources.filter((r) => r['@_type'] === 'imsqti_item_xmlv2p1')).toHaveLength(1);
	});

	it('no questions: still a valid package with an empty test', () => {
		const { resources, xml } = open([]);
		expect(resources).toHaveLength(1);
		expect(xml('test.xml').assessmentTest.testPart.assessmentSection['@_identifier']).toBe(
			'section'
		);
	});

	it('the same questions give the same bytes', () => {
		expect(toQtiPackage('T', all, labels).zip).toEqual(toQtiPackage('T', all, labels).zip);
	});
});
