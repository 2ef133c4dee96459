import { strToU8, zipSync } from 'fflate';
import type { Question } from '$lib/content';
import { seededShuffle } from '$lib/quiz/shuffle';
import type { ExportLabels } from './labels';
import { choicePrompt } from './locate';

export interface QtiExport {
	zip: Uint8Array;
	/** Questions left out, and why. */
	skipped: { id: string; reason: string }[];
}

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_XSD = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_XSD = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const TEMPLATES = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/';

// Characters XML 1.0 cannot carry at all, even as references; lone surrogates likewise.
const XML_INVALID =
	// Matching control characters is the point here.
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
	return text
		.replace(XML_INVALID, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * A valid XML NCName (and a safe file name) from any id: characters other than ASCII letters,
 * digits, `.`, `-` and `_` become `_`, and a name that cannot start an NCName gets a `_` first.
 */
export function safeId(raw: string): string {
	const id = raw.replace(/[^A-Za-z0-9._-]/g, '_');
	return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/**
 * Makes safe ids unique within one scope. Compared without case, so two items never share a
 * file on a case-insensitive disk.
 */
function uniqueIds(): (raw: string) => string {
	const seen = new Set<string>();
	return (raw) => {
		const id = safeId(raw);
		let out = id;
		for (let n = 2; seen.has(out.toLowerCase()); n++) out = `${id}-${n}`;
		seen.add(out.toLowerCase());
		return out;
	};
}

type Attrs = Record<string, string | number | boolean | undefined>;
const attrs = (a: Attrs) =>
	Object.entries(a)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
		.join('');
/** An element; `children` is already XML. No children: an empty element. */
const el = (name: string, a: Attrs = {}, children?: string) =>
	children === undefined || children === ''
		? `<${name}${attrs(a)}/>`
		: `<${name}${attrs(a)}>${children}</${name}>`;
const text = (name: string, a: Attrs, content: string) =>
	el(name, a, xmlEscape(content) || undefined);
const lines = (...parts: string[]) => parts.filter(Boolean).join('\n');
const xmlDoc = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
const paragraphs = (texts: string[]) =>
	texts
		.filter(Boolean)
		.map((t) => text('p', {}, t))
		.join('');

const value = (v: string) => text('value', {}, v);
const baseValue = (type: string, v: string | number) =>
	el('baseValue', { baseType: type }, String(v));
const setOutcome = (id: string, expr: string) => el('setOutcomeValue', { identifier: id }, expr);
const RESPONSE = el('variable', { identifier: 'RESPONSE' });

type Correctness = 'match' | 'full-score';
/**
 * The template's rules written out, plus the FEEDBACK outcome the standard templates never set
 * (modalFeedback needs it). Processors that use the template instead still score correctly.
 */
function responseProcessing(template: 'match_correct' | 'map_response', correct: Correctness) {
	const score =
		template === 'match_correct'
			? el(
					'responseCondition',
					{},
					el(
						'responseIf',
						{},
						el('match', {}, RESPONSE + el('correct', { identifier: 'RESPONSE' })) +
							setOutcome('SCORE', baseValue('float', 1))
					) + el('responseElse', {}, setOutcome('SCORE', baseValue('float', 0)))
				)
			: el(
					'responseCondition',
					{},
					el(
						'responseIf',
						{},
						el('isNull', {}, RESPONSE) + setOutcome('SCORE', baseValue('float', 0))
					) +
						el(
							'responseElse',
							{},
							setOutcome('SCORE', el('mapResponse', { identifier: 'RESPONSE' }))
						)
				);
	const test =
		correct === 'match'
			? el('match', {}, RESPONSE + el('correct', { identifier: 'RESPONSE' }))
			: el('gte', {}, el('variable', { identifier: 'SCORE' }) + baseValue('float', 1));
	const feedback = el(
		'responseCondition',
		{},
		el('responseIf', {}, test + setOutcome('FEEDBACK', baseValue('identifier', 'correct'))) +
			el('responseElse', {}, setOutcome('FEEDBACK', baseValue('identifier', 'incorrect')))
	);
	return el('responseProcessing', { template: TEMPLATES + template }, `\n${score}\n${feedback}\n`);
}

interface ItemParts {
	declaration: string;
	body: string;
	processing: string;
	feedback: { correct: string[]; incorrect: string[] };
}

const declaration = (cardinality: string, baseType: string, correct: string[], mapping = '') =>
	el(
		'responseDeclaration',
		{ identifier: 'RESPONSE', cardinality, baseType },
		el('correctResponse', {}, correct.map(value).join('')) + mapping
	);

/** A number for a mapping: full precision, so n × (1/n) sums back to 1. */
const num = (n: number) => String(n);

function choiceItem(
	prompt: string,
	choices: { id: string; text: string; correct: boolean; feedback: string }[],
	multiple: boolean,
	shuffle = true
): ItemParts {
	const right = choices.filter((c) => c.correct);
	const wrong = choices.filter((c) => !c.correct);
	// (right chosen − wrong chosen) ÷ right count, floored at 0: the course's own rule.
	const mapping = multiple
		? el(
				'mapping',
				{ lowerBound: 0, upperBound: 1, defaultValue: 0 },
				choices
					.map((c) =>
						el('mapEntry', {
							mapKey: c.id,
							mappedValue: num((c.correct ? 1 : -1) / right.length),
							caseSensitive: true
						})
					)
					.join('')
			)
		: '';
	const interaction = el(
		'choiceInteraction',
		{
			responseIdentifier: 'RESPONSE',
			shuffle,
			maxChoices: multiple ? 0 : 1,
			minChoices: multiple ? 0 : undefined
		},
		(prompt ? text('prompt', {}, prompt) : '') +
			choices.map((c) => text('simpleChoice', { identifier: c.id }, c.text)).join('')
	);
	return {
		declaration: declaration(
			multiple ? 'multiple' : 'single',
			'identifier',
			right.map((c) => c.id),
			mapping
		),
		body: interaction,
		processing: responseProcessing(multiple ? 'map_response' : 'match_correct', 'match'),
		feedback: {
			correct: right.map((c) => c.feedback),
			incorrect: wrong.map((c) => c.feedback)
		}
	};
}

/** Shuffles the way the course does, but never leaves the answer order as it was. */
function scrambled<T>(items: T[], seed: string): T[] {
	const out = seededShuffle(items, seed);
	const same = out.every((x, i) => x === items[i]);
	return same && out.length > 1 ? [...out.slice(1), out[0]] : out;
}

function item(q: Question, labels: ExportLabels): ItemParts | { reason: string } {
	const ids = uniqueIds();
	// QTI requires at least one value in a correctResponse and one entry in a mapping.
	const empty =
		(q.type === 'cloze' && q.answers.length === 0) ||
		(q.type === 'matching' && q.pairs.length === 0) ||
		(q.type === 'ordering' && q.events.length === 0);
	if (empty) return { reason: 'it has no answer to export' };
	switch (q.type) {
		case 'single':
		case 'multiple': {
			if (!q.options.some((o) => o.correct)) return { reason: 'no option is marked right' };
			const choices = q.options.map((o) => ({ ...o, id: ids(o.id) }));
			return choiceItem(q.prompt, choices, q.type === 'multiple');
		}
		case 'locate': {
			const choices = q.options.map((o) => ({
				id: ids(o.place),
				text: labels.placeName(o.place),
				correct: o.place === q.answer,
				feedback: o.feedback
			}));
			if (!choices.some((c) => c.correct)) return { reason: 'the answer is not among the places' };
			return choiceItem(choicePrompt(q.prompt), choices, false);
		}
		case 'truefalse': {
			const parts = choiceItem(
				q.statement,
				[
					{ id: 'true', text: 'True', correct: q.answer, feedback: '' },
					{ id: 'false', text: 'False', correct: !q.answer, feedback: '' }
				],
				false,
				false
			);
			return {
				...parts,
				body: paragraphs([q.prompt]) + parts.body,
				feedback: { correct: [q.feedback.correct, q.why], incorrect: [q.feedback.incorrect, q.why] }
			};
		}
		case 'cloze': {
			const at = q.text.indexOf('___');
			const [before, after] = at < 0 ? [q.text, ''] : [q.text.slice(0, at), q.text.slice(at + 3)];
			// caseSensitive="false" already folds case, so answers that differ only in case are one key.
			const keys = q.answers.filter(
				(a, i) => q.answers.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i
			);
			const mapping = el(
				'mapping',
				{ defaultValue: 0, upperBound: 1 },
				keys
					.map((a) => el('mapEntry', { mapKey: a, mappedValue: 1, caseSensitive: false }))
					.join('')
			);
			const entry = el('textEntryInteraction', {
				responseIdentifier: 'RESPONSE',
				expectedLength: Math.max(10, ...q.answers.map((a) => a.length))
			});
			return {
				declaration: declaration('single', 'string', q.answers.slice(0, 1), mapping),
				body: paragraphs([q.prompt]) + el('p', {}, xmlEscape(before) + entry + xmlEscape(after)),
				processing: responseProcessing('map_response', 'full-score'),
				feedback: { correct: [q.feedback.correct], incorrect: [q.feedback.incorrect] }
			};
		}
		case 'matching': {
			const left = q.pairs.map((p, i) => ({ id: `L${i + 1}`, text: p.left }));
			// One target per distinct right item: several left items may share it.
			const rights = [...new Set(q.pairs.map((p) => p.right))];
			const rightId = new Map(rights.map((r, i) => [r, `R${i + 1}`]));
			const pairs = q.pairs.map((p, i) => `${left[i].id} ${rightId.get(p.right)}`);
			// Each left item matched right is worth 1/n: the course's share of items matched.
			const mapping = el(
				'mapping',
				{ lowerBound: 0, upperBound: 1, defaultValue: 0 },
				pairs
					.map((k) =>
						el('mapEntry', { mapKey: k, mappedValue: num(1 / pairs.length), caseSensitive: true })
					)
					.join('')
			);
			const sources = left
				.map((l) => text('simpleAssociableChoice', { identifier: l.id, matchMax: 1 }, l.text))
				.join('');
			const targets = scrambled(rights, q.id)
				.map((r) =>
					text(
						'simpleAssociableChoice',
						{ identifier: rightId.get(r), matchMax: q.pairs.length },
						r
					)
				)
				.join('');
			return {
				declaration: declaration('multiple', 'directedPair', pairs, mapping),
				body: el(
					'matchInteraction',
					{ responseIdentifier: 'RESPONSE', shuffle: true, maxAssociations: q.pairs.length },
					text('prompt', {}, q.prompt) +
						el('simpleMatchSet', {}, sources) +
						el('simpleMatchSet', {}, targets)
				),
				processing: responseProcessing('map_response', 'match'),
				feedback: {
					correct: q.pairs.map((p) => p.feedback),
					incorrect: q.pairs.map((p) => p.feedback)
				}
			};
		}
		case 'ordering': {
			const events = q.events.map((e) => ({ id: ids(e), title: labels.eventTitle(e) }));
			// Written out of order, so a player that ignores shuffle does not show the answer.
			const choices = scrambled(events, q.id)
				.map((e) => text('simpleChoice', { identifier: e.id }, e.title))
				.join('');
			return {
				declaration: declaration(
					'ordered',
					'identifier',
					events.map((e) => e.id)
				),
				body: el(
					'orderInteraction',
					{ responseIdentifier: 'RESPONSE', shuffle: true },
					text('prompt', {}, q.prompt) + choices
				),
				// QTI has no standard partial credit for order: all or nothing.
				processing: responseProcessing('match_correct', 'match'),
				feedback: { correct: [q.feedback.correct], incorrect: [q.feedback.incorrect] }
			};
		}
	}
}

function itemXml(id: string, title: string, parts: ItemParts): string {
	const modal = (which: 'correct' | 'incorrect') => {
		const content = paragraphs(parts.feedback[which]);
		return content
			? el(
					'modalFeedback',
					{ outcomeIdentifier: 'FEEDBACK', identifier: which, showHide: 'show' },
					content
				)
			: '';
	};
	return xmlDoc(
		el(
			'assessmentItem',
			{
				xmlns: QTI_NS,
				'xmlns:xsi': XSI,
				'xsi:schemaLocation': `${QTI_NS} ${QTI_XSD}`,
				identifier: id,
				title,
				adaptive: false,
				timeDependent: false
			},
			'\n' +
				lines(
					parts.declaration,
					el(
						'outcomeDeclaration',
						{ identifier: 'SCORE', cardinality: 'single', baseType: 'float' },
						el('defaultValue', {}, value('0'))
					),
					el('outcomeDeclaration', {
						identifier: 'FEEDBACK',
						cardinality: 'single',
						baseType: 'identifier'
					}),
					el('itemBody', {}, parts.body),
					parts.processing,
					modal('correct'),
					modal('incorrect')
				) +
				'\n'
		)
	);
}

function testXml(title: string, items: { id: string; href: string }[]): string {
	const refs = items
		// "item-" keeps item refs apart from the part and section identifiers.
		.map((i) => el('assessmentItemRef', { identifier: `item-${i.id}`, href: i.href }))
		.join('\n');
	const section = el(
		'assessmentSection',
		{ identifier: 'section', title, visible: true },
		refs ? `\n${refs}\n` : ''
	);
	return xmlDoc(
		el(
			'assessmentTest',
			{
				xmlns: QTI_NS,
				'xmlns:xsi': XSI,
				'xsi:schemaLocation': `${QTI_NS} ${QTI_XSD}`,
				identifier: 'test',
				title
			},
			'\n' +
				lines(
					el('outcomeDeclaration', {
						identifier: 'SCORE',
						cardinality: 'single',
						baseType: 'float'
					}),
					el(
						'testPart',
						{ identifier: 'part', navigationMode: 'nonlinear', submissionMode: 'simultaneous' },
						section
					),
					el(
						'outcomeProcessing',
						{},
						setOutcome('SCORE', el('sum', {}, el('testVariables', { variableIdentifier: 'SCORE' })))
					)
				) +
				'\n'
		)
	);
}

function manifestXml(items: { id: string; href: string }[]): string {
	const file = (href: string) => el('file', { href });
	const test = el(
		'resource',
		{ identifier: 'test', type: 'imsqti_test_xmlv2p1', href: 'test.xml' },
		file('test.xml') +
			items.map((i) => el('dependency', { identifierref: `item-${i.id}` })).join('')
	);
	const resources = items.map((i) =>
		el(
			'resource',
			{ identifier: `item-${i.id}`, type: 'imsqti_item_xmlv2p1', href: i.href },
			file(i.href)
		)
	);
	return xmlDoc(
		el(
			'manifest',
			{
				xmlns: CP_NS,
				'xmlns:xsi': XSI,
				'xsi:schemaLocation': `${CP_NS} ${CP_XSD}`,
				identifier: 'manifest'
			},
			'\n' +
				lines(
					el(
						'metadata',
						{},
						el('schema', {}, 'QTIv2.1 Package') + el('schemaversion', {}, '1.0.0')
					),
					el('organizations'),
					el('resources', {}, `\n${[test, ...resources].join('\n')}\n`)
				) +
				'\n'
		)
	);
}

/**
 * The questions as an IMS QTI 2.1 content package: imsmanifest.xml, test.xml (an
 * assessmentTest over every item) and one items/<id>.xml assessmentItem per question.
 */
export function toQtiPackage(
	title: string,
	questions: Question[],
	labels: ExportLabels
): QtiExport {
	const itemId = uniqueIds();
	const files: Record<string, Uint8Array> = {};
	const written: { id: string; href: string }[] = [];
	const skipped: QtiExport['skipped'] = [];
	for (const q of questions) {
		const parts = item(q, labels);
		if ('reason' in parts) {
			skipped.push({ id: q.id, reason: parts.reason });
			continue;
		}
		const id = itemId(q.id);
		const href = `items/${id}.xml`;
		// The title keeps the id as written; the identifier is its NCName form.
		files[href] = strToU8(itemXml(id, q.id, parts));
		written.push({ id, href });
	}
	const zip = zipSync(
		// The manifest first: some importers look for it at the start of the archive.
		{
			'imsmanifest.xml': strToU8(manifestXml(written)),
			'test.xml': strToU8(testXml(title, written)),
			...files
		},
		// A fixed local date: the same questions give the same bytes (DOS times are local).
		{ mtime: new Date(2020, 5, 4) }
	);
	return { zip, skipped };
}
