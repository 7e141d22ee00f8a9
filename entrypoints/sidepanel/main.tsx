import { render } from 'preact';
import '@/components/ui.css';
import './style.css';
import { PanelApp } from './App';

render(<PanelApp />, document.getElementById('app')!);
