import type { DefineComponent } from 'vue';

// Registered by main.ts for the Me page (views/MeView.vue says why it is not imported there).
declare module 'vue' {
  interface GlobalComponents {
    LocaleSwitcher: DefineComponent;
  }
}
