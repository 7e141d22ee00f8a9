import { render } from 'preact';
import '@/components/ui.css';
import './style.css';
import { GuideApp } from './App';

render(<GuideApp />, document.getElementById('app')!);
