/**
 * MyoLens in frames, second stage. Never loaded on its own: the build folds this file
 * into frames.js as one function (wxt.config.ts, `foldFramesReader`) that the first
 * stage calls where a frame's text may hold a term. Until then V8 only pre-parses it, so
 * a term-less frame pays for none of its modules (measured in the benchmark).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFrame } from './highlighter.content/frame-main';

export default defineUnlistedScript(() => void startFrame());
