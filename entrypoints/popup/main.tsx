import { render } from 'preact';
import '@/components/ui.css';
import './style.css';
import { PopupApp } from './App';

render(<PopupApp />, document.getElementById('app')!);
