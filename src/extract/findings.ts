/** What the rules found in one article, before it is written out as import records. */
import type { Agreement, Unplaced } from './agreements.ts';
import type { Article, Span } from './article.ts';
import type { Credit } from './credits.ts';
import type { NewsEvent } from './events.ts';
import type { Person, Role } from './officials.ts';
import type { Organisation } from './organisations.ts';

export interface Region {
  name: string;
  key: string;
  kind: 'municipality' | 'province' | 'city' | 'district' | 'area' | 'campus' | 'region' | 'other';
  span: Span;
  parent?: Region;
  aliases: string[];
  confidence: number;
}

export interface Initiative {
  name: string;
  key: string;
  span: Span;
  aliases: string[];
  parent?: Initiative;
  regions: Region[];
  confidence: number;
}

export interface Findings {
  article: Article;
  publishedOn?: string;
  title: string;
  titleSpan: Span;
  organisations: Organisation[];
  people: Person[];
  roles: Role[];
  agreements: Agreement[];
  events: NewsEvent[];
  credits: Credit[];
  regions: Region[];
  initiatives: Initiative[];
  /** Agreement → initiatives it concerns. */
  concerns: Map<Agreement, Initiative[]>;
  /** The date the story happened on (the first date of the body), for roles' statedOn. */
  storyDate?: string;
  unplaced: Unplaced[];
}
