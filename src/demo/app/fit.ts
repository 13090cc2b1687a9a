// Fit the page to the screen: the layout is drawn for a 1920-pixel-wide projector (three columns,
// type sized for the back of a room); on a narrower screen (1280×720 and 1024×768 projectors, a
// laptop) the whole page is scaled down with CSS zoom, so it looks the same, only smaller, as a
// projected image does. Heights use --zoom to fill the screen whatever its shape.

const DESIGN_WIDTH_PX = 1920;

export function fitToScreen(): void {
  const apply = () => {
    const zoom = Math.min(1, window.innerWidth / DESIGN_WIDTH_PX);
    const root = document.documentElement;
    root.style.setProperty('zoom', String(zoom));
    root.style.setProperty('--zoom', String(zoom));
  };
  apply();
  window.addEventListener('resize', apply);
}
