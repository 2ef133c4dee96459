import { getContext, setContext } from 'svelte';

/**
 * Which things on a map are buttons: everything (a map to explore: countries, drawn areas,
 * places), or only what can be an answer (a locate question: places and drawn areas). In a locate
 * question a country answers nothing, so it is drawn but is no tab stop: Tab goes from the
 * question straight to the places it offers.
 */
export type MapTargets = 'all' | 'answers';

const key = Symbol('map-targets');

/** Called by a component around a map (a locate question) to say what its map offers. */
export const setMapTargets = (targets: MapTargets) => setContext(key, targets);
/** 'all' unless a component around the map said otherwise. */
export const getMapTargets = (): MapTargets => getContext<MapTargets | undefined>(key) ?? 'all';
